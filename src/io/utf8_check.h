#pragma once

#include "remedy/model/source.h"

#include <optional>
#include <string_view>

namespace remedy {

// The place of the first byte of `text` that does not begin a well-formed UTF-8 character
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or nothing. Columns
// count characters, as the TOML library's do, and a byte order mark at the start is not one.
// toml++ reports a bad sequence at the character before it; the person needs the byte itself.
std::optional<SourcePos> first_invalid_utf8(std::string_view text);

} // namespace remedy
