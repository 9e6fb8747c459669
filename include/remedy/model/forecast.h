#pragma once

#include "remedy/model/plan.h"
#include "remedy/util/enum_names.h"

#include <cstddef>
#include <date/date.h>
#include <optional>
#include <vector>

namespace remedy {

struct Judgement;

// What remedy says before a miss: an issue due soon and not started, and whether the pace of
// the last weeks clears the list by the deadline.
enum class WarningKind { due_soon, forecast, stalled };

inline constexpr EnumNames<WarningKind, 3> warning_kinds{{{
    {WarningKind::due_soon, "due_soon"},
    {WarningKind::forecast, "forecast"},
    {WarningKind::stalled, "stalled"},
}}};

// A warning as facts; the render layer words it (render/judgement_words.h) from the issue's
// dates or the judgement's forecast.
struct Warning {
    WarningKind kind = WarningKind::due_soon;
    std::optional<std::size_t> issue; // index into plan.issues, for due_soon
};

// The pace of the last `window_days` (at most warnings.pace_days, at most the days since the
// start), and the day the open issues would be done at it.
struct Forecast {
    int window_days = 0;
    int resolved = 0;                     // issues resolved in the window
    int open = 0;                         // issues open or in progress on as_of
    std::optional<date::sys_days> finish; // none when nothing was resolved in the window
    bool after_deadline = false;
};

// The forecast on as_of: none when nothing is open or the window is shorter than 7 days.
std::optional<Forecast> forecast_on(const Plan& plan, const Judgement& judgement);

// The warnings of an undecided verdict (on-track, at-risk): the stalled or forecast warning
// first, then the issues due soon by effective due date, highest priority, id. None for a
// decided one. Fills judgement.forecast and judgement.warnings.
void add_warnings(const Plan& plan, Judgement& judgement);

} // namespace remedy
