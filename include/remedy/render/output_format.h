#pragma once

#include "remedy/util/enum_names.h"

namespace remedy {

// The forms a report can take; each command offers the ones it can write.
enum class Format { text, json, github, junit, csv, svg };

inline constexpr EnumNames<Format, 6> formats{{{
    {Format::text, "text"},
    {Format::json, "json"},
    {Format::github, "github"},
    {Format::junit, "junit"},
    {Format::csv, "csv"},
    {Format::svg, "svg"},
}}};

} // namespace remedy
