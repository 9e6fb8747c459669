#pragma once

#include "remedy/model/plan.h"
#include "remedy/util/enum_names.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace remedy {

// The day of the final warning as the plan records it: ultimatum.issued, or timebox.start when
// the plan has no [ultimatum] (the v1 reading: the notice was the warning); none while
// ultimatum.given is false.
std::optional<date::sys_days> warning_day(const Plan& plan);

// The final warning as it stood on as_of: warning_day when that is on or before as_of. Before
// it, no incident is a strike and no output states the warning's terms or its date.
std::optional<date::sys_days> warning_on(const Plan& plan, date::sys_days as_of);

// The last day an incident can be a strike: ultimatum.until, else the deadline `deadline` (the
// ultimatum belongs to the time box).
date::sys_days strike_window_end(const Plan& plan, date::sys_days deadline);

// An incident's status on `day`: withdrawn from its `withdrawn` day on, disputed from its
// `disputed` day on (each the incident's own date when the plan gives none), confirmed before:
// a report of a day before a dispute or a withdrawal does not change when it is recorded.
IncidentStatus status_on(const Incident& incident, date::sys_days day);

// Why an incident is not a strike on as_of, or that it is one: the first that holds.
enum class StrikeStanding {
    strike,         // it counts against the ultimatum
    not_yet,        // dated after as_of: it has not happened
    withdrawn,      // withdrawn on or before as_of
    no_warning,     // the final warning was not given by as_of
    before_warning, // on or before the warning's day: only incidents after it count
    below_severity, // its priority is below ultimatum.severity
    after_window,   // after the strike window (ultimatum.until, else the deadline)
};

inline constexpr EnumNames<StrikeStanding, 7> strike_standings{{{
    {StrikeStanding::strike, "strike"},
    {StrikeStanding::not_yet, "not_yet"},
    {StrikeStanding::withdrawn, "withdrawn"},
    {StrikeStanding::no_warning, "no_warning"},
    {StrikeStanding::before_warning, "before_warning"},
    {StrikeStanding::below_severity, "below_severity"},
    {StrikeStanding::after_window, "after_window"},
}}};

StrikeStanding strike_standing(const Plan& plan, const Incident& incident, date::sys_days as_of,
                               date::sys_days deadline);

// An incident that is not withdrawn on as_of, dated strictly after the warning given by as_of
// and on or before both as_of and the end of the strike window, at or above the ultimatum's
// severity.
bool is_strike(const Plan& plan, const Incident& incident, date::sys_days as_of,
               date::sys_days deadline);

// The indexes into plan.incidents of the strikes on as_of, in date order (on one day, the most
// severe first, then by summary).
std::vector<std::size_t> strikes_on(const Plan& plan, date::sys_days as_of,
                                    date::sys_days deadline);

} // namespace remedy
