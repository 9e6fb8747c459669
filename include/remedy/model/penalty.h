#pragma once

#include "remedy/model/lateness.h"
#include "remedy/model/plan.h"

#include <date/date.h>
#include <map>
#include <optional>
#include <vector>

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

// amounts[priority], or 0 when the plan sets none: a per-day or per-miss rate.
Money rate_for(const AmountByPriority& amounts, Priority priority);

// Throws std::overflow_error when an amount does not fit; the plan rules make that impossible
// for a plan that was read without errors.
IssuePenalty penalty_of(const Timeline& timeline, std::size_t issue, const IssueDates& dates);

// The same, or nothing when an amount does not fit in 64 bits: what the plan rules ask of the
// largest day a plan can be judged on, so that every other day is exact.
std::optional<IssuePenalty> checked_penalty_of(const Timeline& timeline, std::size_t issue,
                                               const IssueDates& dates);

// One calendar month of the money: what fell in it, what is owed for it after the cap, and the
// credits dated in it.
struct MonthMoney {
    date::year_month month;
    Money accrued;
    Money owed;
    Money credited;
    // The cap holds this month: it accrued a month cap, or a plan cap was used up by its end.
    bool capped = false;
};

// The sum over issues, the cap, what is owed, and what was credited.
struct PenaltyTotals {
    Money total;              // every charge up to as_of
    std::optional<Money> cap; // none without a cap
    CapPer cap_per = CapPer::plan;
    Money owed;               // the total after the cap: of the plan, or of each month
    bool cap_reached = false; // the total reached a plan cap, or some month a month cap
    Money credited;           // the credits dated on or before as_of
    Money balance;            // owed - credited; negative when more was credited than is owed
    // Every month from timebox.start's to the last that holds a charge or a credit (at most
    // as_of's), in order; their `owed` add up to `owed`. A statement goes on to as_of's month
    // (statement_months); the judgement stops at the money, so that a day far in the future
    // does not make tens of thousands of empty months.
    std::vector<MonthMoney> months;
};

// From the charges of each month (add_charges_by_month), the cap and the credits. Throws
// std::overflow_error when a sum does not fit; the plan rules make that impossible for a plan
// that was read without errors.
PenaltyTotals total_penalties(const Plan& plan, const std::map<date::year_month, Money>& accrued,
                              date::sys_days as_of);

} // namespace remedy
