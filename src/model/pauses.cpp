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
