#include "remedy/priority.h"

#include "text_case.h"

namespace remedy {

std::optional<Priority> parse_priority(std::string_view text) {
    const std::string lower = to_lower_ascii(text);
    if (lower == "low" || lower == "p4")
        return Priority::low;
    if (lower == "medium" || lower == "p3")
        return Priority::medium;
    if (lower == "high" || lower == "p2")
        return Priority::high;
    if (lower == "critical" || lower == "p1")
        return Priority::critical;
    return std::nullopt;
}

std::string_view name(Priority priority) {
    switch (priority) {
    case Priority::low:
        return "low";
    case Priority::medium:
        return "medium";
    case Priority::high:
        return "high";
    case Priority::critical:
        return "critical";
    }
    return "?";
}

} // namespace remedy
