// The sentences about the future that the status, the verdict and the letters share.

#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/text_reports.h"

#include <fmt/format.h>

namespace remedy {

std::string forecast_text(const Forecast& forecast, date::sys_days deadline) {
    if (!forecast.finish)
        return fmt::format("no issue resolved in the last {}; {} still open",
                           plural(forecast.window_days, "day"), forecast.open);
    const int after = days_between(deadline, *forecast.finish);
    const std::string against = after > 0    ? plural(after, "day") + " after the deadline"
                                : after == 0 ? std::string("on the deadline")
                                             : plural(-after, "day") + " before the deadline";
    return fmt::format("at the pace of the last {} ({} resolved), {} would be done around {}, {}",
                       plural(forecast.window_days, "day"), forecast.resolved,
                       forecast.open == 1 ? std::string("the open issue")
                                          : fmt::format("the {} open issues", forecast.open),
                       format_iso_date(*forecast.finish), against);
}

std::string money_from_here(const Plan& plan, const Judgement& j) {
    const Exposure& e = j.exposure;
    const PenaltyTotals& p = j.penalties;
    if (p.cap && p.cap_reached)
        return p.cap_per == CapPer::month
                   ? "a month reached the cap: what it owes grows no more; the deadline and the "
                     "strikes decide"
                   : "the cap is reached: the money grows no more; the deadline and the strikes "
                     "decide";
    std::string text = e.accruing == 0 ? std::string("nothing accrues today")
                                       : fmt::format("{} {} {} a day", plural(e.accruing, "issue"),
                                                     e.accruing == 1 ? "accrues" : "accrue",
                                                     money_text(plan, e.per_day));
    if (e.cap_headroom) {
        text += fmt::format("; {} left under the {}cap", money_text(plan, *e.cap_headroom),
                            p.cap_per == CapPer::month ? "month's " : "");
        text += e.cap_date ? fmt::format(", reached on {} if nothing changes",
                                         format_iso_date(*e.cap_date))
                           : std::string(", not reached by the deadline at this rate");
    }
    return text;
}

} // namespace remedy
