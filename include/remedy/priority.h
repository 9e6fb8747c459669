#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace remedy {

// Issue and incident priorities, lowest to highest; the order is what comparisons use.
enum class Priority { low, medium, high, critical };

inline constexpr std::array<Priority, 4> all_priorities = {Priority::low, Priority::medium,
                                                           Priority::high, Priority::critical};

// Accepts the names and the aliases P4 (low) .. P1 (critical), in any case.
std::optional<Priority> parse_priority(std::string_view text);

// The canonical lower-case name, whatever alias the file used.
std::string_view name(Priority priority);

} // namespace remedy
