#pragma once

#include "remedy/model/lateness.h"
#include "remedy/model/plan.h"

#include <optional>

namespace remedy {

// The penalty ledger line of one issue on as_of (SPEC.md "Penalty of an issue").
struct IssuePenalty {
    date::sys_days end;         // the resolution, the waiver, or as_of
    date::sys_days grace_until; // G: the grace end, after which days are late
    int late_days = 0;          // counted days that accrue the per-day rate, up to the deadline
    bool missed = false;        // a counted day after G, on or before end
    std::optional<date::sys_days> missed_on; // that day: when the per-miss charge falls
    Money per_day_rate;                      // per_day[priority], 0 when none
    Money per_day_amount;                    // rate x late days
    Money per_miss;                          // per_miss[priority] when missed, else 0
    Money subtotal; // per_day_amount + per_miss; frozen at the waiver's day
};

// Throws std::overflow_error when an amount does not fit; the plan rules make that impossible
// for a plan that was read without errors.
IssuePenalty penalty_of(const Timeline& timeline, std::size_t issue, const IssueDates& dates);

// The same, or nothing when an amount does not fit in 64 bits: what the plan rules ask of the
// largest day a plan can be judged on, so that every other day is exact.
std::optional<IssuePenalty> checked_penalty_of(const Timeline& timeline, std::size_t issue,
                                               const IssueDates& dates);

// The sum over issues, the cap and what is owed.
struct PenaltyTotals {
    Money total;
    std::optional<Money> cap;
    Money owed; // min(total, cap)
    bool cap_reached = false;
};

// Throws std::overflow_error when a sum does not fit; the plan rules make that impossible for a
// plan that was read without errors.
PenaltyTotals total_penalties(const std::vector<IssuePenalty>& lines, const Penalties& penalties);

} // namespace remedy
