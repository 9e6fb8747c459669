#pragma once

#include "remedy/judgement.h"

#include <cstddef>
#include <vector>

namespace remedy {

// What changed between two days of the same plan: what a person running `remedy status` every
// Monday wants to see first.
struct RecentChanges {
    date::sys_days since;                    // the earlier day, excluded
    std::vector<std::size_t> resolved;       // issues resolved in (since, as_of]
    std::vector<std::size_t> became_overdue; // overdue on as_of, not on since
    Money owed_before;                       // owed on since
    Money owed_now;                          // owed on as_of
    std::vector<std::size_t> incidents;      // incidents dated in (since, as_of]
    std::vector<std::size_t> new_strikes;    // those of them that are strikes
    bool verdict_changed = false;
    Verdict verdict_before = Verdict::on_track;
};

RecentChanges changes_since(const Plan& plan, const Judgement& now, date::sys_days since);

} // namespace remedy
