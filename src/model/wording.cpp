#include "remedy/model/wording.h"

#include "remedy/model/dates.h"
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

std::string money_text(const Plan& plan, Money amount) {
    return fmt::format("{} {}", format_money_grouped(amount, plan.contract.minor_digits),
                       plan.contract.currency);
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
