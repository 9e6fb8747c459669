#pragma once

#include "remedy/model/judgement.h"

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

// The look back of a person who runs `status` every Monday, and of the weekly letter: the seven
// days before as_of.
inline constexpr date::days look_back_days{7};
inline RecentChanges changes_in_week_before(const Plan& plan, const Judgement& now) {
    return changes_since(plan, now, now.as_of - look_back_days);
}

} // namespace remedy
