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

// Text for a person goes to the terminal channel; every other format is a document.
inline Channel channel_of(Format format) {
    return format == Format::text ? Channel::terminal : Channel::document;
}

} // namespace remedy
