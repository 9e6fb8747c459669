#pragma once

#include "remedy/util/expected.h"

#include <string>
#include <string_view>

namespace remedy {

// Replaces the file at `path` with `content` so that a reader, or the file after a crash or a
// power cut, has either the old bytes or the new, never a mix: the content goes to a temporary
// file in the same folder, is synced, takes the old file's permissions, and is renamed over
// `path`; then the folder is synced. Through a symbolic link, the link's target is replaced.
// A new file gets 0666 less the umask. On failure `path` is untouched, the temporary file is
// gone, and the message names the step that failed.
//
// Test-only: when REMEDY_TEST_PAUSE_BEFORE_RENAME holds a number of milliseconds, it sleeps
// that long between the sync and the rename, so that a test can kill the process there.
Expected<void> replace_file_contents(const std::string& path, std::string_view content);

} // namespace remedy

namespace remedy {

// Why create_file failed; `already_exists` when the path was taken (by anything, even a file
// created a moment before by another process).
struct CreateError {
    bool already_exists = false;
    std::string message;
};

// Creates the file `path` with `content`, never over an existing one (O_EXCL), synced before it
// returns; a file that could not be written whole is removed again.
Expected<void, CreateError> create_file(const std::string& path, std::string_view content);

} // namespace remedy
