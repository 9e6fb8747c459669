#pragma once

#include "remedy/util/enum_names.h"

#include <array>
#include <optional>
#include <string_view>

namespace remedy {

// Issue and incident priorities, lowest to highest; the order is what comparisons use.
enum class Priority { low, medium, high, critical };

inline constexpr std::array<Priority, 4> all_priorities = {Priority::low, Priority::medium,
                                                           Priority::high, Priority::critical};

inline constexpr EnumNames<Priority, 4> priorities{{{
    {Priority::low, "low"},
    {Priority::medium, "medium"},
    {Priority::high, "high"},
    {Priority::critical, "critical"},
}}};

// The aliases P4 (low) .. P1 (critical).
inline constexpr EnumNames<Priority, 4> priority_aliases{{{
    {Priority::low, "p4"},
    {Priority::medium, "p3"},
    {Priority::high, "p2"},
    {Priority::critical, "p1"},
}}};

// Accepts the names and the aliases, in any case.
std::optional<Priority> parse_priority(std::string_view text);

// The canonical lower-case name, whatever alias the file used.
inline std::string_view name(Priority priority) {
    return priorities.name(priority);
}

} // namespace remedy
