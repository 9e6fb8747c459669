#include "remedy/model/wording.h"

#include "remedy/model/dates.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

// plural and issue_label run for every row and reason of a big plan: appended by hand, as a
// format string parsed per call cost more than the text itself.
std::string plural(long long count, std::string_view word) {
    std::string text = std::to_string(count);
    text += ' ';
    text += word;
    if (count != 1 && count != -1)
        text += 's';
    return text;
}

std::string issue_label(const Issue& issue) {
    std::string label = issue.id;
    label += " (";
    label += name(issue.priority);
    label += ')';
    return label;
}

std::string due_date_text(const Issue& issue, const IssueDates& dates) {
    if (dates.effective_due == issue.due)
        return format_iso_date(issue.due);
    return fmt::format("{} (moved from {})", format_iso_date(dates.effective_due),
                       format_iso_date(issue.due));
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

std::string strikes_left_rule(const Plan& plan, int strikes, int limit) {
    const int left = std::max(1, limit - strikes);
    const std::string_view severity = name(plan.ultimatum.severity);
    if (left == 1)
        return fmt::format("one more incident of priority {} or higher ends the contract",
                           severity);
    return fmt::format("{} more incidents of priority {} or higher end the contract", left,
                       severity);
}

} // namespace remedy
