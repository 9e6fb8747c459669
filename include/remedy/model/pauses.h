#pragma once

#include "remedy/model/plan.h"
#include "remedy/model/working_days.h"

#include <cstddef>
#include <date/date.h>
#include <memory>
#include <vector>

namespace remedy {

// A run of days, first to last, both included.
struct DayRange {
    date::sys_days first;
    date::sys_days last;

    long long length() const { return (last - first).count() + 1; }
    bool operator==(const DayRange&) const = default;
};

// Disjoint ranges of days in date order, with running totals, so that a question about a span
// of days is a binary search, not a walk over the ranges.
class DaySet {
public:
    DaySet() = default;
    // Joins overlapping and adjacent ranges. `working` must outlive the set.
    DaySet(std::vector<DayRange> ranges, const WorkingDays& working);

    const std::vector<DayRange>& ranges() const { return ranges_; }
    bool empty() const { return ranges_.empty(); }
    long long total() const { return ranges_.empty() ? 0 : lengths_.back(); }

    // The days d of the set with after < d <= last: every day, and the working days only.
    long long count(date::sys_days after, date::sys_days last) const;
    long long count_working(date::sys_days after, date::sys_days last) const;

    // SPEC "Effective due" for these ranges alone: from `due`, each range that begins on or
    // before the running due date adds its length to it. Not rolled.
    date::sys_days shifted(date::sys_days due) const;
    // The same on a working-day contract (SPEC v3): each range reached moves the running due
    // date to the n-th working day after it, n = the working days the range covers. Not rolled.
    date::sys_days shifted_by_working_days(date::sys_days due) const;
    // The search behind it, over ranges first..end-1 with `reached` working days paused before
    // them already: the first range not reached, `reached` grown by those that are.
    std::size_t reach_by_working_days(date::sys_days due, std::size_t first, std::size_t end,
                                      long long& reached) const;
    const WorkingDays& working_days() const { return *working_days_; }

    // The sum, over the ranges that hold days d with after < d <= last, of a measure of the
    // part of each range inside that span: `running[k]` is the measure of ranges 0..k whole,
    // and `measure_in(a, b)` the measure of the days a < d <= b of one range.
    template <class MeasureIn>
    long long sum_over(date::sys_days after, date::sys_days last,
                       const std::vector<long long>& running, MeasureIn measure_in) const;

private:
    std::vector<DayRange> ranges_;
    std::vector<long long> lengths_; // lengths_[k]: days in ranges 0..k
    std::vector<long long> working_; // working_[k]: working days in ranges 0..k
    // first - (days in the ranges before it): never decreasing, so that shifted() can search.
    std::vector<date::sys_days> keys_;
    const WorkingDays* working_days_ = nullptr;
};

// The paused days of one issue: the pauses of every issue, shared by all the issues (never
// copied into each), joined with the pauses that name this issue. Every question is answered
// from the two sets and what they have in common, in time logarithmic in the pauses.
class PausedDays {
public:
    PausedDays() = default;
    // `shared` (the pauses of every issue; may be null) must outlive this.
    PausedDays(const DaySet* shared, DaySet own);

    // The issue's paused days as disjoint ranges in date order, built on each call: for the
    // chart of one issue, not for judging.
    std::vector<DayRange> ranges() const;
    // The pauses of every issue, and those of this issue alone (which may overlap them).
    const DaySet& shared() const;
    const DaySet& own() const { return own_; }

    bool empty() const { return total() == 0; }
    long long total() const;

    // The paused days d with after < d <= last: every day, and the working days only.
    long long count(date::sys_days after, date::sys_days last) const;
    long long count_working(date::sys_days after, date::sys_days last) const;

    // SPEC "Effective due": from `due`, each paused interval that begins on or before the
    // running due date adds its length to it (a clock that stops while paused). Not rolled.
    date::sys_days shifted(date::sys_days due) const;
    // The same on a working-day contract (SPEC v3): each paused interval reached moves the
    // running due date to the n-th working day after it, n = the working days it covers.
    date::sys_days shifted_by_working_days(date::sys_days due) const;

    bool contains(date::sys_days day) const;

private:
    const DaySet* shared_ = nullptr;
    DaySet own_;
    // overlap_[k]: the days of own ranges 0..k that a shared range also pauses; the same in
    // working days. Counted once, so that a span's count subtracts them instead of merging.
    std::vector<long long> overlap_;
    std::vector<long long> overlap_working_;
};

// The paused days of every issue on as_of: the pauses in force that day (agreed on or before
// it), merged. The pauses of every issue are held once; an issue some pause names holds only
// the ranges of its own pauses, so memory grows with the plan, not with issues times pauses.
class PauseIndex {
public:
    PauseIndex(const Plan& plan, date::sys_days as_of, const WorkingDays& working);

    const PausedDays& of(std::size_t issue) const;
    // The paused days of an issue that no pause names.
    const PausedDays& unnamed() const { return every_issue_; }
    // The pauses of every issue.
    const DaySet& shared() const { return *every_; }

private:
    std::unique_ptr<DaySet> every_; // its address is kept by every PausedDays
    PausedDays every_issue_;
    std::vector<std::size_t> own_;  // per issue: 0, or 1 + its index in named_
    std::vector<PausedDays> named_; // for each issue some pause names
};

} // namespace remedy
