#include "remedy/model/pauses.h"

#include <algorithm>

namespace remedy {

namespace {

// Sorted, overlapping or adjacent ranges joined.
std::vector<DayRange> merged(std::vector<DayRange> ranges) {
    std::sort(ranges.begin(), ranges.end(),
              [](const DayRange& a, const DayRange& b) { return a.first < b.first; });
    std::vector<DayRange> out;
    out.reserve(ranges.size());
    for (const DayRange& range : ranges) {
        if (!out.empty() && range.first <= out.back().last + date::days{1})
            out.back().last = std::max(out.back().last, range.last);
        else
            out.push_back(range);
    }
    return out;
}

} // namespace

PausedDays::PausedDays(std::vector<DayRange> ranges, const WorkingDays& working)
    : ranges_(merged(std::move(ranges))), working_days_(&working) {
    long long days = 0;
    long long working_count = 0;
    // Sized once: an index is built for every issue some pause names, and a report builds one
    // for each run of days.
    keys_.reserve(ranges_.size());
    lengths_.reserve(ranges_.size());
    working_.reserve(ranges_.size());
    for (const DayRange& range : ranges_) {
        keys_.push_back(range.first - date::days{days});
        days += range.length();
        working_count += working.count(range.first - date::days{1}, range.last);
        lengths_.push_back(days);
        working_.push_back(working_count);
    }
}

template <class CountIn>
long long PausedDays::count_with(date::sys_days after, date::sys_days last,
                                 const std::vector<long long>& running, CountIn count_in) const {
    if (last <= after || ranges_.empty())
        return 0;
    // The ranges that reach past `after`, and those that start on or before `last`.
    const auto by_last = [](const DayRange& range, date::sys_days day) {
        return range.last <= day;
    };
    const auto begin = std::lower_bound(ranges_.begin(), ranges_.end(), after, by_last);
    const auto end =
        std::upper_bound(begin, ranges_.end(), last, [](date::sys_days day, const DayRange& range) {
            return day < range.first;
        });
    if (begin == end)
        return 0;
    const std::size_t b = static_cast<std::size_t>(begin - ranges_.begin());
    const std::size_t e = static_cast<std::size_t>(end - ranges_.begin()); // past the last
    // Whole ranges b..e-1, then the parts of the first and the last cut off by the span.
    long long total = running[e - 1] - (b > 0 ? running[b - 1] : 0);
    const DayRange& first = ranges_[b];
    if (first.first <= after)
        total -= count_in(first.first - date::days{1}, after);
    const DayRange& final = ranges_[e - 1];
    if (final.last > last)
        total -= count_in(last, final.last);
    return total;
}

long long PausedDays::count(date::sys_days after, date::sys_days last) const {
    return count_with(after, last, lengths_, [](date::sys_days a, date::sys_days b) {
        return static_cast<long long>((b - a).count());
    });
}

long long PausedDays::count_working(date::sys_days after, date::sys_days last) const {
    return count_with(after, last, working_, [this](date::sys_days a, date::sys_days b) {
        return working_days_->count(a, b);
    });
}

date::sys_days PausedDays::shifted(date::sys_days due) const {
    // Range k is reached when it begins on or before due + the days of the ranges before it,
    // that is when keys_[k] <= due; keys_ never decreases, so the reached ranges are a prefix.
    const auto reached = std::upper_bound(keys_.begin(), keys_.end(), due) - keys_.begin();
    return reached == 0 ? due : due + date::days{lengths_[static_cast<std::size_t>(reached) - 1]};
}

date::sys_days PausedDays::shifted_by_working_days(date::sys_days due) const {
    // The n-th working day after the m-th after `due` is the (n + m)-th after it, so the running
    // due date once ranges 0..k-1 are reached is the working_[k-1]-th working day after `due`.
    // A range that is not reached starts after it, and so do the ranges after that one: the
    // reached ranges are a prefix, found by a binary search.
    const auto running_due = [&](std::size_t reached) {
        return reached == 0 ? due : working_days_->nth_after(due, working_[reached - 1]);
    };
    std::size_t low = 0; // ranges 0..low-1 are reached
    std::size_t high = ranges_.size();
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (ranges_[middle].first <= running_due(middle))
            low = middle + 1;
        else
            high = middle;
    }
    return running_due(low);
}

bool PausedDays::contains(date::sys_days day) const {
    return count(day - date::days{1}, day) > 0;
}

PauseIndex::PauseIndex(const Plan& plan, date::sys_days as_of, const WorkingDays& working)
    : own_(plan.issues.size(), 0) {
    std::vector<DayRange> every;
    std::vector<std::vector<DayRange>> named_ranges; // parallel to named_
    for (const Pause& pause : plan.pauses) {
        if (pause.agreed > as_of)
            continue; // not in force yet
        const DayRange range{pause.from, pause.to};
        if (pause.covers_every_issue()) {
            every.push_back(range);
            continue;
        }
        for (std::size_t issue : pause.covered) {
            if (own_[issue] == 0) {
                named_ranges.emplace_back();
                own_[issue] = named_ranges.size();
            }
            named_ranges[own_[issue] - 1].push_back(range);
        }
    }
    every_issue_ = PausedDays(every, working);
    named_.reserve(named_ranges.size());
    for (std::vector<DayRange>& ranges : named_ranges) {
        // The pauses of every issue already merged: a few ranges to join, not every pause to
        // sort again for each issue (a report builds this index for each run of days).
        ranges.insert(ranges.end(), every_issue_.ranges().begin(), every_issue_.ranges().end());
        named_.emplace_back(std::move(ranges), working);
    }
}

const PausedDays& PauseIndex::of(std::size_t issue) const {
    return own_[issue] == 0 ? every_issue_ : named_[own_[issue] - 1];
}

} // namespace remedy
