#pragma once

#include "remedy/history/plan_history.h"
#include "remedy/model/money.h"
#include "remedy/model/verdict.h"

#include <date/date.h>
#include <optional>
#include <string>
#include <vector>

namespace remedy {

// How one version of the plan stood on one day.
struct HistoryPoint {
    date::sys_days day;
    std::string commit; // the version judged
    std::string path;   // its path in the repository
    bool valid = false;
    std::string error; // the first error of an invalid version
    Verdict verdict = Verdict::on_track;
    int issues = 0;
    int open = 0; // not resolved and not waived on the day
    int overdue = 0;
    Money owed;
    int minor_digits = 2;
    std::string currency;
    int strikes = 0;
    int strike_limit = 1;
    std::optional<date::sys_days> deadline;
    // The day the open issues would be done at the pace of the weeks before (none: no
    // forecast, or nothing resolved lately), so that a chart shows whether it drifted.
    std::optional<date::sys_days> forecast_finish;
};

struct PlanHistory {
    std::string file;                       // the plan as the user named it
    std::vector<HistoryPoint> commits;      // one per commit that changed the plan, oldest first
    std::vector<HistoryPoint> weeks;        // one per week (Monday to Sunday), judged on the Sunday
    std::optional<date::sys_days> deadline; // of the newest valid version
};

// Judges every version on its commit day (the committer date in the version's client.timezone;
// UTC for a version that is not a valid plan), and the newest valid version of each week on
// that week's Sunday, from the week of the first commit to the week of the last. With `since`,
// only commits on or after it, and weeks ending on or after it, are kept.
PlanHistory build_history(const std::string& file, const std::vector<PlanVersion>& versions,
                          std::optional<date::sys_days> since = std::nullopt);

} // namespace remedy
