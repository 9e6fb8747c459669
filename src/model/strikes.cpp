#include "remedy/model/strikes.h"

#include <algorithm>
#include <string_view>
#include <tuple>

namespace remedy {

std::optional<date::sys_days> warning_day(const Plan& plan) {
    if (!plan.ultimatum.present)
        return plan.timebox.start;
    if (!plan.ultimatum.given)
        return std::nullopt;
    return plan.ultimatum.issued;
}

std::optional<date::sys_days> warning_on(const Plan& plan, date::sys_days as_of) {
    const std::optional<date::sys_days> day = warning_day(plan);
    if (day && *day <= as_of)
        return day;
    return std::nullopt;
}

date::sys_days strike_window_end(const Plan& plan, date::sys_days deadline) {
    return plan.ultimatum.until.value_or(deadline);
}

IncidentStatus status_on(const Incident& incident, date::sys_days day) {
    switch (incident.status) {
    case IncidentStatus::withdrawn:
        return incident.withdrawn.value_or(incident.date) <= day ? IncidentStatus::withdrawn
                                                                 : IncidentStatus::confirmed;
    case IncidentStatus::disputed:
        return incident.disputed.value_or(incident.date) <= day ? IncidentStatus::disputed
                                                                : IncidentStatus::confirmed;
    default:
        return incident.status;
    }
}

StrikeStanding strike_standing(const Plan& plan, const Incident& incident, date::sys_days as_of,
                               date::sys_days deadline) {
    if (incident.date > as_of)
        return StrikeStanding::not_yet;
    if (status_on(incident, as_of) == IncidentStatus::withdrawn)
        return StrikeStanding::withdrawn;
    const std::optional<date::sys_days> warning = warning_on(plan, as_of);
    if (!warning)
        return StrikeStanding::no_warning;
    if (incident.date <= *warning)
        return StrikeStanding::before_warning;
    if (incident.priority < plan.ultimatum.severity)
        return StrikeStanding::below_severity;
    if (incident.date > strike_window_end(plan, deadline))
        return StrikeStanding::after_window;
    return StrikeStanding::strike;
}

bool is_strike(const Plan& plan, const Incident& incident, date::sys_days as_of,
               date::sys_days deadline) {
    return strike_standing(plan, incident, as_of, deadline) == StrikeStanding::strike;
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
