#pragma once

#include <optional>
#include <string_view>

namespace remedy {

// The number of minor-unit digits of an active ISO 4217 currency code (upper case), if it is one.
std::optional<int> currency_minor_digits(std::string_view code);

} // namespace remedy
