// The money in words: the cap as it applies (to the plan, or to each month, named), and what
// the money does from as_of.

#include "remedy/model/charges.h"
#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/judgement_words.h"

#include <fmt/format.h>

namespace remedy {

std::string cap_text(const Plan& plan, const Judgement& j) {
    const PenaltyTotals& p = j.penalties;
    if (!p.cap)
        return {};
    return fmt::format("a cap of {}{}", money_text(plan, *p.cap),
                       p.cap_per == CapPer::month ? " a month" : "");
}

std::vector<std::string> capped_months(const Judgement& j) {
    std::vector<std::string> months;
    if (j.penalties.cap_per != CapPer::month)
        return months;
    for (const MonthMoney& month : j.penalties.months)
        if (month.capped)
            months.push_back(month_text(month.month));
    return months;
}

namespace {

std::string accruing_text(const Plan& plan, const Exposure& e) {
    return e.accruing == 0
               ? std::string("nothing accrues today")
               : fmt::format("{} {} {} a day", plural(e.accruing, "issue"),
                             e.accruing == 1 ? "accrues" : "accrue", money_text(plan, e.per_day));
}

// Under a month cap each figure belongs to a month, and the month is named: the room left in
// as_of's month, the month whose cap the money would reach next, and on which day.
std::string month_cap_from_here(const Plan& plan, const Judgement& j) {
    const Exposure& e = j.exposure;
    const std::string this_month = month_text(month_of(j.as_of));
    std::string text;
    if (e.cap_headroom && e.cap_headroom->minor == 0)
        text = fmt::format("{} reached its cap of {}: it owes no more; {}", this_month,
                           money_text(plan, *j.penalties.cap), accruing_text(plan, e));
    else
        text = fmt::format("{}; {} left under the cap of {}", accruing_text(plan, e),
                           money_text(plan, *e.cap_headroom), this_month);
    if (!e.cap_date)
        return text + "; no month would reach its cap by the deadline at this rate";
    const std::string cap_month = month_text(month_of(*e.cap_date));
    if (cap_month == this_month)
        return text +
               fmt::format(", reached on {} if nothing changes", format_iso_date(*e.cap_date));
    return text + fmt::format("; the cap of {} would be reached on {} if nothing changes",
                              cap_month, format_iso_date(*e.cap_date));
}

} // namespace

std::string money_from_here(const Plan& plan, const Judgement& j) {
    const Exposure& e = j.exposure;
    const PenaltyTotals& p = j.penalties;
    if (p.cap && e.grows_no_more)
        return p.cap_per == CapPer::month
                   ? fmt::format("{} reached its cap and no later month would owe more: the "
                                 "money grows no more; the deadline and the strikes decide",
                                 month_text(month_of(j.as_of)))
                   : "the cap is reached: the money grows no more; the deadline and the strikes "
                     "decide";
    if (p.cap && p.cap_per == CapPer::month)
        return month_cap_from_here(plan, j);
    std::string text = accruing_text(plan, e);
    if (e.cap_headroom)
        text += fmt::format("; {} left under the cap", money_text(plan, *e.cap_headroom)) +
                (e.cap_date ? fmt::format(", reached on {} if nothing changes",
                                          format_iso_date(*e.cap_date))
                            : std::string(", not reached by the deadline at this rate"));
    return text;
}

} // namespace remedy
