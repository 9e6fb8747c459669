#include "remedy/wording.h"

#include <fmt/format.h>

namespace remedy {

std::string plural(long long count, std::string_view word) {
    return fmt::format("{} {}{}", count, word, count == 1 || count == -1 ? "" : "s");
}

std::string issue_label(const Issue& issue) {
    return fmt::format("{} ({})", issue.id, name(issue.priority));
}

std::string money_text(const Plan& plan, Money amount) {
    return fmt::format("{} {}", format_money_grouped(amount, plan.contract.minor_digits),
                       plan.contract.currency);
}

std::string days_left_text(int days_left) {
    if (days_left > 0)
        return plural(days_left, "day") + " left";
    if (days_left == 0)
        return "the deadline is today";
    return "passed " + plural(-days_left, "day") + " ago";
}

} // namespace remedy
