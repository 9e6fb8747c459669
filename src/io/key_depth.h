#pragma once

#include "remedy/model/source.h"

#include <cstddef>
#include <optional>
#include <string_view>

namespace remedy {

// The place of the first dotted key or table header in TOML `text` that has more than
// `max_parts` parts (`[a.b.c]` has 3), or nothing. The TOML library builds one nested table per
// part by recursion, so this runs before it, over the raw text, in one linear pass: it skips
// strings and comments and never decides whether the TOML is otherwise valid.
std::optional<SourcePos> find_too_deep_key(std::string_view text, std::size_t max_parts);

} // namespace remedy
