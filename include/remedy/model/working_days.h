#pragma once

#include "remedy/model/plan.h"

#include <array>
#include <date/date.h>
#include <vector>

namespace remedy {

// Which days are working days: every day, or, with a [calendar], the days that are neither a
// weekend day nor a day off. Counting and rolling are arithmetic on the weekdays and a binary
// search in the days off, never a walk over the days.
class WorkingDays {
public:
    // Every day is a working day.
    WorkingDays() = default;
    // The plan's calendar (every day when it has none). The plan must outlive this.
    explicit WorkingDays(const Calendar& calendar);

    bool is_working(date::sys_days day) const;

    // The working days d with after < d <= last (0 when last <= after).
    long long count(date::sys_days after, date::sys_days last) const;

    // `day` when it is a working day, else the next working day after it: the contract
    // convention that a date falling on a day off moves to the next working day.
    date::sys_days roll(date::sys_days day) const;

    // The n-th working day after `day` (`day` itself when n is 0): a binary search on count().
    date::sys_days nth_after(date::sys_days day, long long n) const;

private:
    // Days d with after < d <= last whose weekday is a weekend day.
    long long weekend_days(date::sys_days after, date::sys_days last) const;

    std::array<bool, 7> weekend_{};
    // weekend_running_[k]: the weekend days among the weekdays 0..k-1 (c_encoding), over two
    // weeks, so that the weekend days of any run of up to 7 days are one subtraction (a report
    // counts days millions of times).
    std::array<int, 15> weekend_running_{};
    int weekend_count_ = 0;
    const std::vector<date::sys_days>* days_off_ = nullptr; // sorted, none on a weekend day
};

} // namespace remedy
