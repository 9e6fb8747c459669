#include "posix_tz.h"

#include <algorithm>
#include <date/date.h>

namespace remedy {

namespace {

// Reads the TZ string from left to right; every read returns nullopt at the first character
// that does not fit, which makes the whole string "not a rule".
class Reader {
public:
    explicit Reader(std::string_view text) : text_(text) {}

    bool done() const { return at_ == text_.size(); }
    bool take(char c) {
        if (at_ < text_.size() && text_[at_] == c) {
            ++at_;
            return true;
        }
        return false;
    }

    // A zone abbreviation: three or more letters, or anything between '<' and '>'.
    bool name() {
        if (take('<')) {
            const std::size_t close = text_.find('>', at_);
            if (close == std::string_view::npos || close - at_ < 3)
                return false;
            at_ = close + 1;
            return true;
        }
        const std::size_t from = at_;
        while (at_ < text_.size() && ((text_[at_] >= 'A' && text_[at_] <= 'Z') ||
                                      (text_[at_] >= 'a' && text_[at_] <= 'z')))
            ++at_;
        return at_ - from >= 3;
    }

    std::optional<int> number(int largest) {
        const std::size_t from = at_;
        int value = 0;
        while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9' && at_ - from < 3)
            value = value * 10 + (text_[at_++] - '0');
        if (at_ == from || value > largest)
            return std::nullopt;
        return value;
    }

    // [+-]hh[:mm[:ss]] in seconds, hours up to `largest_hours`.
    std::optional<std::int32_t> duration(int largest_hours) {
        const bool negative = take('-');
        if (!negative)
            take('+');
        const std::optional<int> hours = number(largest_hours);
        if (!hours)
            return std::nullopt;
        std::int32_t seconds = *hours * 3600;
        for (const int unit : {60, 1}) {
            if (!take(':'))
                break;
            const std::optional<int> part = number(59);
            if (!part)
                return std::nullopt;
            seconds += *part * unit;
        }
        return negative ? -seconds : seconds;
    }

    std::optional<PosixTimeZone::Change> change() {
        using Form = PosixTimeZone::Change::Form;
        PosixTimeZone::Change change;
        if (take('J')) {
            const std::optional<int> day = number(365);
            if (!day || *day < 1)
                return std::nullopt;
            change.form = Form::julian_no_leap;
            change.day = *day;
        } else if (take('M')) {
            const std::optional<int> month = number(12);
            std::optional<int> week;
            std::optional<int> weekday;
            if (!month || *month < 1 || !take('.') || !(week = number(5)) || *week < 1 ||
                !take('.') || !(weekday = number(6)))
                return std::nullopt;
            change = {Form::month_week_day, *weekday, *month, *week};
        } else {
            const std::optional<int> day = number(365);
            if (!day)
                return std::nullopt;
            change.form = Form::zero_based;
            change.day = *day;
        }
        if (take('/')) {
            // RFC 8536 lets the time run from -167 to 167 hours (a change on "the day before").
            const std::optional<std::int32_t> time = duration(167);
            if (!time)
                return std::nullopt;
            change.time = *time;
        }
        return change;
    }

private:
    std::string_view text_;
    std::size_t at_ = 0;
};

// The local day on which `change` falls in `year`.
date::sys_days day_of(const PosixTimeZone::Change& change, date::year year) {
    using Form = PosixTimeZone::Change::Form;
    const date::sys_days january_first{year / date::January / 1};
    switch (change.form) {
    case Form::julian_no_leap: // 1..365, February 29 never counted
        return january_first + date::days{change.day - 1 + (year.is_leap() && change.day >= 60)};
    case Form::zero_based:
        return january_first + date::days{change.day};
    case Form::month_week_day: {
        const date::sys_days first{year / date::month{static_cast<unsigned>(change.month)} / 1};
        const date::sys_days last{year / date::month{static_cast<unsigned>(change.month)} /
                                  date::last};
        const int to_weekday =
            (change.day - static_cast<int>(date::weekday{first}.c_encoding()) + 7) % 7;
        date::sys_days day = first + date::days{to_weekday + 7 * (change.week - 1)};
        while (day > last) // week 5: the last such weekday of the month
            day -= date::days{7};
        return day;
    }
    }
    return january_first;
}

std::int64_t seconds_of(date::sys_days day) {
    return static_cast<std::int64_t>(day.time_since_epoch().count()) * 86400;
}

} // namespace

std::optional<PosixTimeZone> PosixTimeZone::parse(std::string_view text) {
    Reader reader(text);
    PosixTimeZone zone;
    // POSIX counts west of Greenwich as positive; offsets here are east of it.
    std::optional<std::int32_t> west;
    if (!reader.name() || !(west = reader.duration(24)))
        return std::nullopt;
    zone.standard_ = -*west;
    if (reader.done())
        return zone;
    if (!reader.name())
        return std::nullopt;
    zone.daylight_ = zone.standard_ + 3600;
    if (!reader.done() && !reader.take(',')) {
        const std::optional<std::int32_t> daylight_west = reader.duration(24);
        if (!daylight_west)
            return std::nullopt;
        zone.daylight_ = -*daylight_west;
        if (!reader.done() && !reader.take(','))
            return std::nullopt;
    }
    if (reader.done()) { // daylight saving without a rule: POSIX leaves it open, tzcode's US rule
        zone.start_ = {Change::Form::month_week_day, 0, 3, 2};
        zone.end_ = {Change::Form::month_week_day, 0, 11, 1};
        return zone;
    }
    const std::optional<Change> start = reader.change();
    if (!start || !reader.take(','))
        return std::nullopt;
    const std::optional<Change> end = reader.change();
    if (!end || !reader.done())
        return std::nullopt;
    zone.start_ = *start;
    zone.end_ = *end;
    return zone;
}

std::int32_t PosixTimeZone::offset_at(std::int64_t utc_seconds) const {
    if (!daylight_)
        return standard_;
    // The year of the instant in standard time (years past 10000 are asked as 10000: the date
    // library's years end at 32767); each change happens at a local time, the start in standard
    // time and the end in daylight saving time.
    constexpr std::int64_t year_10000 = 253402300800; // 10000-01-01T00:00:00Z
    utc_seconds = std::clamp<std::int64_t>(utc_seconds, -year_10000, year_10000);
    const std::int64_t local = utc_seconds + standard_;
    const date::sys_days day{date::days{local / 86400 - (local % 86400 < 0 ? 1 : 0)}};
    const date::year year = date::year_month_day{day}.year();
    const std::int64_t start = seconds_of(day_of(start_, year)) + start_.time - standard_;
    const std::int64_t end = seconds_of(day_of(end_, year)) + end_.time - *daylight_;
    const bool daylight = start < end ? start <= utc_seconds && utc_seconds < end
                                      : !(end <= utc_seconds && utc_seconds < start);
    return daylight ? *daylight_ : standard_;
}

} // namespace remedy
