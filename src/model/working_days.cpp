#include "remedy/model/working_days.h"

#include <algorithm>

namespace remedy {

WorkingDays::WorkingDays(const Calendar& calendar) {
    if (!calendar.present)
        return;
    weekend_ = calendar.weekend;
    weekend_count_ = static_cast<int>(std::count(weekend_.begin(), weekend_.end(), true));
    for (std::size_t k = 0; k + 1 < weekend_running_.size(); ++k)
        weekend_running_[k + 1] = weekend_running_[k] + (weekend_[k % 7] ? 1 : 0);
    days_off_ = &calendar.days_off;
}

bool WorkingDays::is_working(date::sys_days day) const {
    if (weekend_[date::weekday{day}.c_encoding()])
        return false;
    return !days_off_ || !std::binary_search(days_off_->begin(), days_off_->end(), day);
}

long long WorkingDays::weekend_days(date::sys_days after, date::sys_days last) const {
    if (weekend_count_ == 0 || last <= after)
        return 0;
    const long long span = (last - after).count();
    long long count = span / 7 * weekend_count_;
    // The days of the last incomplete week, after the whole weeks: the weekdays after the one
    // of the last whole week's end.
    const unsigned after_weeks = date::weekday{after + date::days{span / 7 * 7}}.c_encoding();
    return count + weekend_running_[after_weeks + 1 + static_cast<unsigned>(span % 7)] -
           weekend_running_[after_weeks + 1];
}

long long WorkingDays::count(date::sys_days after, date::sys_days last) const {
    if (last <= after)
        return 0;
    long long days = (last - after).count() - weekend_days(after, last);
    if (days_off_) {
        const auto first = std::upper_bound(days_off_->begin(), days_off_->end(), after);
        const auto end = std::upper_bound(first, days_off_->end(), last);
        days -= end - first;
    }
    return days;
}

date::sys_days WorkingDays::roll(date::sys_days day) const {
    // A run of days off is short (a weekend, a holiday beside it). A weekend of all seven days
    // is refused by the plan's rules; were one judged anyway, no day would roll.
    if (weekend_count_ == 7)
        return day;
    while (!is_working(day))
        day += date::days{1};
    return day;
}

date::sys_days WorkingDays::nth_after(date::sys_days day, long long n) const {
    if (n <= 0 || weekend_count_ == 7)
        return day;
    // Every week has a working day, and each day off takes at most one of them away: the n-th
    // working day lies within 7 (n + the days off) days.
    const long long off = days_off_ ? static_cast<long long>(days_off_->size()) : 0;
    date::sys_days low = day;
    date::sys_days high = day + date::days{7 * (n + off)};
    while ((high - low).count() > 1) {
        const date::sys_days middle = low + date::days{(high - low).count() / 2};
        if (count(day, middle) >= n)
            high = middle;
        else
            low = middle;
    }
    return high;
}

} // namespace remedy
