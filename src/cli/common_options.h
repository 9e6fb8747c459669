#pragma once

#include "command.h"
#include "remedy/render/output_format.h"

#include <initializer_list>

namespace remedy {

// The options several commands share, worded once.

// -f/--file PLAN.
OptionSpec plan_option();
// --as-of YYYY-MM-DD.
OptionSpec as_of_option();
// --format, offering `offered` (the first is the default).
OptionSpec format_option(std::initializer_list<Format> offered);
// --color auto|always|never.
OptionSpec color_option();
// -o/--output FILE.
OptionSpec output_option();

} // namespace remedy
