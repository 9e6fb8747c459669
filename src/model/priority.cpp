#include "remedy/model/priority.h"

#include "remedy/util/ascii.h"

namespace remedy {

std::optional<Priority> parse_priority(std::string_view text) {
    const std::string lower = to_lower_ascii(text);
    if (const std::optional<Priority> priority = priorities.parse(lower))
        return priority;
    return priority_aliases.parse(lower);
}

} // namespace remedy
