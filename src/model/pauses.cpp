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

long long days_in(date::sys_days after, date::sys_days last) {
    return static_cast<long long>((last - after).count());
}

const DaySet no_days;

} // namespace

DaySet::DaySet(std::vector<DayRange> ranges, const WorkingDays& working)
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

template <class MeasureIn>
long long DaySet::sum_over(date::sys_days after, date::sys_days last,
                           const std::vector<long long>& running, MeasureIn measure_in) const {
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
        total -= measure_in(first.first - date::days{1}, after);
    const DayRange& final = ranges_[e - 1];
    if (final.last > last)
        total -= measure_in(last, final.last);
    return total;
}

long long DaySet::count(date::sys_days after, date::sys_days last) const {
    return sum_over(after, last, lengths_, days_in);
}

long long DaySet::count_working(date::sys_days after, date::sys_days last) const {
    return sum_over(after, last, working_, [this](date::sys_days a, date::sys_days b) {
        return working_days_->count(a, b);
    });
}

date::sys_days DaySet::shifted(date::sys_days due) const {
    // Range k is reached when it begins on or before due + the days of the ranges before it,
    // that is when keys_[k] <= due; keys_ never decreases, so the reached ranges are a prefix.
    const auto reached = std::upper_bound(keys_.begin(), keys_.end(), due) - keys_.begin();
    return reached == 0 ? due : due + date::days{lengths_[static_cast<std::size_t>(reached) - 1]};
}

PausedDays::PausedDays(const DaySet* shared, DaySet own) : shared_(shared), own_(std::move(own)) {
    overlap_.reserve(own_.ranges().size());
    overlap_working_.reserve(own_.ranges().size());
    long long days = 0;
    long long working_days = 0;
    for (const DayRange& range : own_.ranges()) {
        days += this->shared().count(range.first - date::days{1}, range.last);
        working_days += this->shared().count_working(range.first - date::days{1}, range.last);
        overlap_.push_back(days);
        overlap_working_.push_back(working_days);
    }
}

const DaySet& PausedDays::shared() const {
    return shared_ ? *shared_ : no_days;
}

std::vector<DayRange> PausedDays::ranges() const {
    if (own_.empty())
        return shared().ranges();
    std::vector<DayRange> both = shared().ranges();
    both.insert(both.end(), own_.ranges().begin(), own_.ranges().end());
    return merged(std::move(both));
}

long long PausedDays::total() const {
    return shared().total() + own_.total() - (overlap_.empty() ? 0 : overlap_.back());
}

// The days of the union: those of each set, less those both hold (counted once per own range).
long long PausedDays::count(date::sys_days after, date::sys_days last) const {
    if (own_.empty())
        return shared().count(after, last);
    const DaySet& shared = this->shared();
    return shared.count(after, last) + own_.count(after, last) -
           own_.sum_over(after, last, overlap_, [&shared](date::sys_days a, date::sys_days b) {
               return shared.count(a, b);
           });
}

long long PausedDays::count_working(date::sys_days after, date::sys_days last) const {
    if (own_.empty())
        return shared().count_working(after, last);
    const DaySet& shared = this->shared();
    return shared.count_working(after, last) + own_.count_working(after, last) -
           own_.sum_over(after, last, overlap_working_,
                         [&shared](date::sys_days a, date::sys_days b) {
                             return shared.count_working(a, b);
                         });
}

date::sys_days PausedDays::shifted(date::sys_days due) const {
    if (own_.empty())
        return shared().shifted(due);
    if (shared().empty())
        return own_.shifted(due);
    // The clock that stops while paused reaches `due` on the first day x with as many unpaused
    // days up to x as there are days up to `due`: x - (paused days up to x) >= due. That
    // holds at due + every paused day, and x - (paused days up to x) never decreases: search.
    const date::sys_days before =
        std::min(shared().ranges().front().first, own_.ranges().front().first) - date::days{1};
    const auto reached = [&](date::sys_days x) {
        return x - date::days{count(before, x)} >= due;
    };
    if (reached(due))
        return due;
    date::sys_days low = due; // not reached
    date::sys_days high = due + date::days{total()};
    while ((high - low).count() > 1) {
        const date::sys_days middle = low + date::days{(high - low).count() / 2};
        (reached(middle) ? high : low) = middle;
    }
    return high;
}

std::size_t DaySet::reach_by_working_days(date::sys_days due, std::size_t first, std::size_t end,
                                          long long& reached) const {
    // The n-th working day after the m-th after `due` is the (n + m)-th after it, so the running
    // due date once ranges first..k-1 are reached is the (reached + their working days)-th
    // working day after `due`. A range that is not reached starts after it, and so do the ranges
    // after that one: the reached ranges are a prefix, found by a binary search.
    const auto before = [&](std::size_t k) {
        return k == 0 ? 0 : working_[k - 1];
    };
    const auto running_due = [&](std::size_t k) {
        const long long n = reached + before(k) - before(first);
        return n == 0 ? due : working_days_->nth_after(due, n);
    };
    std::size_t low = first; // ranges first..low-1 are reached
    std::size_t high = end;
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (ranges_[middle].first <= running_due(middle))
            low = middle + 1;
        else
            high = middle;
    }
    reached += before(low) - before(first);
    return low;
}

date::sys_days DaySet::shifted_by_working_days(date::sys_days due) const {
    long long reached = 0;
    reach_by_working_days(due, 0, ranges_.size(), reached);
    return reached == 0 ? due : working_days_->nth_after(due, reached);
}

date::sys_days PausedDays::shifted_by_working_days(date::sys_days due) const {
    if (own_.empty())
        return shared().shifted_by_working_days(due);
    if (shared().empty())
        return own_.shifted_by_working_days(due);
    // The paused intervals in date order are runs of shared ranges that touch no own range,
    // each answered by the shared set's own search, and the intervals around each own range
    // (with the shared ranges that overlap or touch it, and the own ranges they reach): a step
    // for each own range, not for each shared one. The reached intervals are a prefix.
    const WorkingDays& working = own_.working_days();
    const std::vector<DayRange>& shared_ranges = shared().ranges();
    const std::vector<DayRange>& own_ranges = own_.ranges();
    long long reached = 0; // the working days of the intervals reached so far
    const auto running_due = [&] {
        return reached == 0 ? due : working.nth_after(due, reached);
    };
    std::size_t next_shared = 0;
    for (std::size_t next_own = 0; next_own < own_ranges.size(); ++next_own) {
        date::sys_days first = own_ranges[next_own].first;
        date::sys_days last = own_ranges[next_own].last;
        // The first shared range that reaches the day before this own range: it may join it.
        const std::size_t left = static_cast<std::size_t>(
            std::lower_bound(shared_ranges.begin() + static_cast<std::ptrdiff_t>(next_shared),
                             shared_ranges.end(), first - date::days{1},
                             [](const DayRange& r, date::sys_days day) { return r.last < day; }) -
            shared_ranges.begin());
        if (shared().reach_by_working_days(due, next_shared, left, reached) < left)
            return running_due();
        std::size_t right = left; // shared ranges left..right-1 are in the interval
        for (bool grew = true; grew;) {
            grew = false;
            for (;
                 right < shared_ranges.size() && shared_ranges[right].first <= last + date::days{1};
                 ++right, grew = true) {
                first = std::min(first, shared_ranges[right].first);
                last = std::max(last, shared_ranges[right].last);
            }
            for (; next_own + 1 < own_ranges.size() &&
                   own_ranges[next_own + 1].first <= last + date::days{1};
                 ++next_own, grew = true)
                last = std::max(last, own_ranges[next_own + 1].last);
        }
        if (first > running_due())
            return running_due();
        reached += count_working(first - date::days{1}, last);
        next_shared = right;
    }
    shared().reach_by_working_days(due, next_shared, shared_ranges.size(), reached);
    return running_due();
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
    every_ = std::make_unique<DaySet>(std::move(every), working);
    every_issue_ = PausedDays(every_.get(), DaySet());
    named_.reserve(named_ranges.size());
    for (std::vector<DayRange>& ranges : named_ranges)
        named_.emplace_back(every_.get(), DaySet(std::move(ranges), working));
}

const PausedDays& PauseIndex::of(std::size_t issue) const {
    return own_[issue] == 0 ? every_issue_ : named_[own_[issue] - 1];
}

} // namespace remedy
