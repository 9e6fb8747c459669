#pragma once

#include <string_view>

namespace remedy {

// The contacts `remedy init` writes until a person fills them in: no letter goes out while one
// is still in the plan.
inline constexpr std::string_view placeholder_client_contact = "Your Name <you@example.com>";
inline constexpr std::string_view placeholder_provider_contact =
    "Account Manager <manager@provider.example>";

} // namespace remedy
