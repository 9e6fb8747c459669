#pragma once

#include "remedy/model/pauses.h"
#include "remedy/model/plan.h"
#include "remedy/model/working_days.h"

#include <cstddef>
#include <optional>

namespace remedy {

// Every question of "how late is this issue on this day" is answered here: the effective due
// date, the grace end, the counted days, the late days, whether it was missed.

// The days of a plan on as_of that those questions need: the deadline D, the working days, and
// each issue's paused days (the pauses in force on as_of).
// Whether the timeline excuses days: applied, as every judgement does; ignored (no pause, every
// day counted), for the most any day could owe.
enum class Excusals { applied, ignored };

class Timeline {
public:
    Timeline(const Plan& plan, date::sys_days as_of, Excusals excusals = Excusals::applied);
    Timeline(const Timeline&) = delete;
    Timeline& operator=(const Timeline&) = delete;

    const Plan& plan() const { return plan_; }
    date::sys_days as_of() const { return as_of_; }
    date::sys_days deadline() const { return deadline_; }
    const WorkingDays& working_days() const { return working_days_; }
    const PausedDays& paused(std::size_t issue) const { return pauses_.of(issue); }
    const PauseIndex& pauses() const { return pauses_; }

    // The counted days of issue `issue` with after < d <= last: not paused and, when
    // penalties.days is "working", working days.
    long long counted(std::size_t issue, date::sys_days after, date::sys_days last) const;
    // The same for an issue that no pause names: only the pauses of every issue excuse days.
    long long counted_unnamed(date::sys_days after, date::sys_days last) const;

    // The n-th counted day of the issue after `day` (n >= 1).
    date::sys_days nth_counted_after(std::size_t issue, date::sys_days day, long long n) const;

private:
    long long counted_in(const PausedDays& paused, date::sys_days after, date::sys_days last) const;
    // Whether the counted days are working days (penalties.days = "working", pauses applied).
    bool counts_working_days() const;

    const Plan& plan_;
    date::sys_days as_of_;
    Excusals excusals_;
    WorkingDays working_days_;
    date::sys_days deadline_;
    PauseIndex pauses_;
};

// status = "resolved" and resolved <= day.
bool is_resolved_on(const Issue& issue, date::sys_days day);

// status = "waived" and its waived date (timebox.start when none) <= day.
bool is_waived_on(const Issue& issue, date::sys_days day, date::sys_days timebox_start);

// The state on `as_of`: a resolution or a waiver after as_of has not happened yet (the issue
// reads as "open").
IssueStatus state_on(const Issue& issue, date::sys_days as_of, date::sys_days timebox_start);

// The dates of one issue on the timeline's day.
struct IssueDates {
    date::sys_days effective_due; // E: due, moved by the paused days before it, rolled
    date::sys_days grace_end;     // G: E, or the grace_days-th counted day after it
    date::sys_days money_starts;  // the first counted day after G: a late issue's first charge
    date::sys_days end;           // the resolution, the waiver, or as_of
    date::sys_days cut_off;       // max(D, E): unresolved after it, the contract can end
    long long paused_days = 0;    // the issue's paused days in force on as_of
};

IssueDates dates_of(const Timeline& timeline, std::size_t issue);

// Not waived, not resolved on as_of, and E < as_of.
bool is_overdue(const Timeline& timeline, std::size_t issue, const IssueDates& dates);

// end - E in calendar days when positive, else 0; 0 for an issue waived on as_of.
int days_overdue(const Timeline& timeline, std::size_t issue, const IssueDates& dates);

// The counted days d with G < d <= min(end, D): the days that accrue the per-day penalty.
// Accrual stops at the deadline: after it, the remedy is termination, not more money.
int late_days(const Timeline& timeline, std::size_t issue, const IssueDates& dates);

// The day the issue was missed: the first counted day after G, when it is on or before end.
std::optional<date::sys_days> missed_on(const IssueDates& dates);

} // namespace remedy
