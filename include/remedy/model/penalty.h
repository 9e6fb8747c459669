#pragma once

#include "remedy/model/plan.h"

#include <optional>

namespace remedy {

// The penalty ledger line of one issue on as_of (SPEC.md "Penalty of an issue").
struct IssuePenalty {
    date::sys_days end;         // resolution date when resolved on as_of, else as_of
    date::sys_days grace_until; // due + grace days
    int late_days = 0;          // days that accrue the per-day rate, stopped at the deadline
    bool missed = false;        // end > due + grace
    Money per_day_rate;         // per_day[priority], 0 when none
    Money per_day_amount;       // rate x late days
    Money per_miss;             // per_miss[priority] when missed, else 0
    Money subtotal;             // per_day_amount + per_miss; 0 for a waived issue
};

// Throws std::overflow_error when an amount does not fit; the plan rules make that impossible
// for a plan that was read without errors.
IssuePenalty penalty_of(const Issue& issue, const Penalties& penalties, date::sys_days deadline,
                        date::sys_days as_of);

// The same, or nothing when an amount does not fit in 64 bits: what the plan rules ask of the
// largest day a plan can be judged on, so that every other day is exact.
std::optional<IssuePenalty> checked_penalty_of(const Issue& issue, const Penalties& penalties,
                                               date::sys_days deadline, date::sys_days as_of);

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
