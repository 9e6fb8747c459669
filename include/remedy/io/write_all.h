#pragma once

#include "remedy/util/expected.h"

#include <string>
#include <string_view>

namespace remedy {

// Writes all of `bytes` to the file descriptor `fd`, through partial writes and interrupted
// calls. False on failure, with errno saying why (EIO when a write wrote nothing).
bool write_all(int fd, std::string_view bytes);

// Writes `text` to standard output when `path` is empty, else to the file at `path`, and makes
// sure it got there: a full disk or a closed pipe is an error that names what could not be
// written, never a silently truncated report. A file (new, or a regular file) is replaced
// whole through replace_file_contents, so that a failure leaves the old file as it was; a
// FIFO or a device is written to as it is.
Expected<void> write_output(const std::string& path, std::string_view text);

// Whether both names lead to one existing file (its device and inode, through links): `-o` is
// then about to replace the file the command reads.
bool same_existing_file(const std::string& a, const std::string& b);

} // namespace remedy
