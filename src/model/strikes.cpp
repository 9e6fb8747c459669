#include "remedy/model/strikes.h"

#include <algorithm>
#include <string_view>
#include <tuple>

namespace remedy {

date::sys_days warning_date(const Plan& plan) {
    return plan.ultimatum.present ? plan.ultimatum.issued : plan.timebox.start;
}

date::sys_days strike_window_end(const Plan& plan, date::sys_days deadline) {
    return plan.ultimatum.until.value_or(deadline);
}

bool is_strike(const Plan& plan, const Incident& incident, date::sys_days as_of,
               date::sys_days deadline) {
    return incident.status != IncidentStatus::withdrawn && warning_date(plan) < incident.date &&
           incident.date <= std::min(as_of, strike_window_end(plan, deadline)) &&
           incident.priority >= plan.ultimatum.severity;
}

std::vector<std::size_t> strikes_on(const Plan& plan, date::sys_days as_of,
                                    date::sys_days deadline) {
    std::vector<std::size_t> strikes;
    for (std::size_t i = 0; i < plan.incidents.size(); ++i)
        if (is_strike(plan, plan.incidents[i], as_of, deadline))
            strikes.push_back(i);
    // Strikes of one day are numbered most severe first, then by summary, so that the
    // numbering never depends on where an incident is written.
    const auto key = [&](std::size_t i) {
        const Incident& incident = plan.incidents[i];
        return std::tuple(incident.date, -static_cast<int>(incident.priority),
                          std::string_view(incident.summary));
    };
    std::stable_sort(strikes.begin(), strikes.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    return strikes;
}

} // namespace remedy
