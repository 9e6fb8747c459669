#pragma once

#include <string>

namespace remedy {

// open(2) of `path` with `flags`, also when the path is longer than the system's PATH_MAX (a
// folder tree deeper than that): then the folders on the way are opened a stretch at a time,
// each relative to the one before. A descriptor, or -1 with errno set.
int open_path(const std::string& path, int flags);

} // namespace remedy
