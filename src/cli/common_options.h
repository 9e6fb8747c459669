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

// --bom: a CSV that starts with the UTF-8 byte order mark, for the spreadsheets (Excel on
// Windows) that read a file without one in the system's code page.
OptionSpec bom_option();

// `text` with the byte order mark when --bom was given; a usage error when the format is not
// CSV (JSON and text never start with one).
Expected<std::string, CommandError> with_byte_order_mark(const Invocation& invocation,
                                                         Format format, std::string text);

// Text for a person goes to the terminal channel; every other format is a document.
inline Channel channel_of(Format format) {
    return format == Format::text ? Channel::terminal : Channel::document;
}

} // namespace remedy
