#pragma once

#include "remedy/model/plan.h"
#include "remedy/model/working_days.h"

#include <cstddef>
#include <date/date.h>
#include <vector>

namespace remedy {

// A run of days, first to last, both included.
struct DayRange {
    date::sys_days first;
    date::sys_days last;

    long long length() const { return (last - first).count() + 1; }
};

// The paused days of one issue: disjoint ranges in date order, with running totals so that a
// question about a span of days is a binary search, not a walk over the pauses.
class PausedDays {
public:
    PausedDays() = default;
    PausedDays(std::vector<DayRange> ranges, const WorkingDays& working);

    const std::vector<DayRange>& ranges() const { return ranges_; }
    bool empty() const { return ranges_.empty(); }
    long long total() const { return ranges_.empty() ? 0 : lengths_.back(); }

    // The paused days d with after < d <= last: every day, and the working days only.
    long long count(date::sys_days after, date::sys_days last) const;
    long long count_working(date::sys_days after, date::sys_days last) const;

    // SPEC "Effective due": from `due`, each range that begins on or before the running due
    // date adds its length to it (a clock that stops while paused). Not rolled.
    date::sys_days shifted(date::sys_days due) const;
    // The same on a working-day contract (SPEC v3): each range reached moves the running due
    // date to the n-th working day after it, n = the working days the range covers. Not rolled.
    date::sys_days shifted_by_working_days(date::sys_days due) const;

    bool contains(date::sys_days day) const;

private:
    template <class CountIn>
    long long count_with(date::sys_days after, date::sys_days last,
                         const std::vector<long long>& running, CountIn count_in) const;

    std::vector<DayRange> ranges_;
    std::vector<long long> lengths_; // lengths_[k]: days in ranges 0..k
    std::vector<long long> working_; // working_[k]: working days in ranges 0..k
    // first - (days in the ranges before it): never decreasing, so that shifted() can search.
    std::vector<date::sys_days> keys_;
    const WorkingDays* working_days_ = nullptr;
};

// The paused days of every issue on as_of: the pauses in force that day (agreed on or before
// it), merged. Issues no pause names share the ranges of the pauses that cover every issue.
class PauseIndex {
public:
    PauseIndex(const Plan& plan, date::sys_days as_of, const WorkingDays& working);

    const PausedDays& of(std::size_t issue) const;

private:
    PausedDays every_issue_;
    std::vector<std::size_t> own_;  // per issue: 0, or 1 + its index in named_
    std::vector<PausedDays> named_; // for each issue some pause names
};

} // namespace remedy
