#pragma once

#include "command.h"

namespace remedy {

// The one place where a command's end reaches the user: writes the outcome's text (to standard
// output, or the file of -o), the diagnostics and any error on standard error — every line
// that says "remedy: error" is written here — and returns the exit status. `output_file` is
// the -o FILE of the command line, empty for standard output.
int finish(const Result& result, const std::string& output_file = {});

} // namespace remedy
