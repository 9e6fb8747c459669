#include "remedy/model/wording.h"

#include "remedy/model/dates.h"
#include "remedy/model/strikes.h"
#include "remedy/util/ascii.h"
#include "remedy/util/suggest.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

// plural and issue_label run for every row and reason of a big plan: appended by hand, as a
// format string parsed per call cost more than the text itself.
std::string count_text(std::size_t count) {
    return format_money_grouped(Money{static_cast<std::int64_t>(count)}, 0);
}

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

std::string agreement_text(const Plan& plan) {
    return plan.contract.reference.empty() ? std::string("our contract")
                                           : "the contract " + plan.contract.reference;
}

std::string strike_rule_text(const Plan& plan, const Judgement& j) {
    const date::sys_days warning = warning_date(plan);
    const date::sys_days window_end = strike_window_end(plan, j.deadline);
    const int strikes = static_cast<int>(j.strikes.size());
    if (j.as_of < warning)
        return fmt::format("No incident counts against the ultimatum before its final warning "
                           "of {}.",
                           format_iso_date(warning));
    if (strikes >= j.strike_limit)
        return fmt::format("The incidents after {} reached the ultimatum's limit of {}.",
                           format_iso_date(warning), j.strike_limit);
    if (j.as_of > window_end)
        return fmt::format("The ultimatum's window closed on {}: a later incident does not count "
                           "against it.",
                           format_iso_date(window_end));
    const int left = j.strike_limit - strikes;
    const std::string incidents = left == 1 ? "incident" : "incidents";
    const std::string count =
        left == 1 ? "one" : std::to_string(left) + (strikes == 0 ? " incidents in all" : "");
    return fmt::format(
        "After {} and until {}, {}{}{} of priority {} or higher {} {} to "
        "terminate {}{}.",
        format_iso_date(warning), format_iso_date(window_end), count, strikes == 0 ? "" : " more",
        left > 1 && strikes == 0 ? std::string() : " " + incidents, name(plan.ultimatum.severity),
        left == 1 ? "entitles" : "entitle", plan.client.name, agreement_text(plan),
        strikes == 0 ? std::string() : fmt::format(" ({} of {} so far)", strikes, j.strike_limit));
}

std::string notes_on(std::string_view notes, date::sys_days as_of) {
    std::string kept;
    while (!notes.empty()) {
        const std::size_t newline = notes.find('\n');
        const std::string_view line = notes.substr(0, newline);
        notes = newline == std::string_view::npos ? "" : notes.substr(newline + 1);
        const Expected<date::sys_days> dated = line.size() >= 11 && line[10] == ','
                                                   ? parse_iso_date(line.substr(0, 10))
                                                   : Expected<date::sys_days>(fail("undated"));
        if (dated && *dated > as_of)
            continue;
        kept += (kept.empty() ? "" : "\n") + std::string(line);
    }
    return kept;
}

Expected<std::size_t> find_issue_index(const Plan& plan, std::string_view id) {
    const std::string wanted = to_lower_ascii(id);
    std::vector<std::string> lower;
    for (const Issue& issue : plan.issues) {
        lower.push_back(to_lower_ascii(issue.id));
        if (lower.back() == wanted)
            return lower.size() - 1;
    }
    const std::vector<std::string_view> candidates(lower.begin(), lower.end());
    if (const auto nearest = nearest_word(wanted, candidates))
        for (std::size_t i = 0; i < lower.size(); ++i)
            if (lower[i] == *nearest)
                return fail(fmt::format("{} has no issue {}; did you mean {}?", plan.file, id,
                                        plan.issues[i].id));
    return fail(fmt::format("{} has no issue {}", plan.file, id));
}

} // namespace remedy
