#include "remedy/strikes.h"

#include <algorithm>

namespace remedy {

date::sys_days warning_date(const Plan& plan) {
    return plan.ultimatum.present ? plan.ultimatum.issued : plan.timebox.start;
}

bool is_strike(const Plan& plan, const Incident& incident, date::sys_days as_of) {
    return warning_date(plan) < incident.date && incident.date <= as_of &&
           incident.priority >= plan.ultimatum.severity;
}

std::vector<std::size_t> strikes_on(const Plan& plan, date::sys_days as_of) {
    std::vector<std::size_t> strikes;
    for (std::size_t i = 0; i < plan.incidents.size(); ++i)
        if (is_strike(plan, plan.incidents[i], as_of))
            strikes.push_back(i);
    std::stable_sort(strikes.begin(), strikes.end(), [&](std::size_t a, std::size_t b) {
        return plan.incidents[a].date < plan.incidents[b].date;
    });
    return strikes;
}

} // namespace remedy
