#pragma once

#include "remedy/util/expected.h"

#include <string>

namespace remedy {

// The bytes of the file at `path` (the plan, or a file it names), or why they cannot be read:
// it is missing, a directory, a device, or larger than limits::max_plan_bytes (refused before
// it is read). A pipe or FIFO is read to its end; one that no program writes to reads as empty
// rather than waiting for a writer.
Expected<std::string> read_text_file(const std::string& path);

} // namespace remedy
