#include "remedy/model/export_date.h"

#include "remedy/model/dates.h"
#include "remedy/util/ascii.h"
#include "remedy/util/utf8.h"

#include <array>
#include <fmt/format.h>

namespace remedy {

namespace {

constexpr std::string_view example_forms =
    "such as 2026-10-12, 2026-10-12 14:03:22, 10/12/2026 2:03 PM, 12/Oct/26 2:03 PM or "
    "12.10.2026 14:03";

bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Reads the text from left to right; each step either takes what it expects or takes nothing.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    bool done() const { return at_ == text_.size(); }
    char peek() const { return done() ? '\0' : text_[at_]; }
    std::string_view rest() const { return text_.substr(at_); }

    // `least` to `most` digits (at most 4); none when there are fewer or more.
    std::optional<int> number(std::size_t least, std::size_t most) {
        const std::size_t digits = digits_ahead();
        if (digits < least || digits > most)
            return std::nullopt;
        int value = 0;
        for (const std::size_t end = at_ + digits; at_ < end; ++at_)
            value = value * 10 + (text_[at_] - '0');
        return value;
    }
    // One digit or more, whatever their value (a fraction of a second).
    bool digits() {
        const std::size_t count = digits_ahead();
        at_ += count;
        return count > 0;
    }
    // The digits there, counted (for a year of two or four).
    std::size_t digits_ahead() const {
        std::size_t end = at_;
        while (end < text_.size() && text_[end] >= '0' && text_[end] <= '9')
            ++end;
        return end - at_;
    }
    bool take(char c) {
        if (peek() != c)
            return false;
        ++at_;
        return true;
    }
    bool take_any(std::string_view chars, char& taken) {
        if (done() || chars.find(peek()) == std::string_view::npos)
            return false;
        taken = text_[at_++];
        return true;
    }
    // Letters (ASCII, and the bytes of a UTF-8 letter such as the ä of "Mär").
    std::string_view word() {
        const std::size_t start = at_;
        while (!done() && (is_letter(peek()) || static_cast<unsigned char>(peek()) >= 0x80))
            ++at_;
        return text_.substr(start, at_ - start);
    }
    bool skip_blanks() {
        const std::size_t start = at_;
        while (!done() && (peek() == ' ' || peek() == '\t'))
            ++at_;
        return at_ > start;
    }

private:
    std::string_view text_;
    std::size_t at_ = 0;
};

// The month a name stands for: English names and abbreviations ("Oct", "October", "Sept") and
// the German abbreviations that differ from them; 0 when it is none.
unsigned month_of(std::string_view name) {
    static constexpr std::array<std::string_view, 12> english = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    const std::string lower = to_lower_ascii(name);
    for (unsigned m = 0; m < english.size(); ++m)
        if (lower == english[m] || lower == english[m].substr(0, 3))
            return m + 1;
    if (lower == "sept")
        return 9;
    // German: März ("M\xC3\xA4rz", or "Mär", "Mrz"), Mai, Okt, Dez ("\xC3\xA4" and "\xC3\x84"
    // are ä and Ä; to_lower_ascii leaves them alone).
    for (std::string_view march : {"m\xC3\xA4r", "m\xC3\xA4rz", "m\xC3\x84r", "mrz"})
        if (lower == march)
            return 3;
    if (lower == "mai")
        return 5;
    if (lower == "okt")
        return 10;
    if (lower == "dez")
        return 12;
    return 0;
}

// A year of four digits, or of two (20YY).
std::optional<int> year(Scanner& in) {
    const std::size_t digits = in.digits_ahead();
    if (digits == 4)
        return in.number(4, 4);
    if (digits == 2)
        return 2000 + *in.number(2, 2);
    return std::nullopt;
}

// What may follow the date: a time of day, checked and dropped. Empty when it reads; else why
// not.
std::string time_of_day(Scanner& in, char after_date) {
    if (in.done())
        return {};
    const bool iso_t = after_date == 'T';
    if (!iso_t && !in.skip_blanks())
        return "unexpected text after the date";
    const std::optional<int> hour = in.number(1, 2);
    if (!hour || !in.take(':'))
        return "unexpected text after the date";
    const std::optional<int> minute = in.number(2, 2);
    std::optional<int> second = 0;
    if (minute && in.take(':')) {
        second = in.number(2, 2);
        if (second && in.take('.') && !in.digits())
            return "a time's fraction of a second must be digits";
    }
    if (!minute || !second || *minute > 59 || *second > 59)
        return "its time of day is not one";
    if (in.peek() == 'Z' || in.peek() == '+' || (in.peek() == '-' && iso_t))
        return "its time has a time zone; remedy reads the export's times as the client's "
               "local time, so export them without one";
    in.skip_blanks();
    const std::string meridiem = to_lower_ascii(in.word());
    if (meridiem.empty()) {
        if (*hour > 23)
            return "its time of day is not one";
    } else if ((meridiem != "am" && meridiem != "pm") || *hour < 1 || *hour > 12) {
        return "its time of day is not one";
    }
    in.skip_blanks();
    if (!in.done())
        return "unexpected text after the time";
    return {};
}

std::string order_text(DateOrder order) {
    return order == DateOrder::day_first ? "day-first" : "month-first";
}

std::string month_name(unsigned month) {
    static constexpr std::array<std::string_view, 12> names = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return std::string(names[month - 1]);
}

} // namespace

std::string quoted_cell(std::string_view cell) {
    constexpr std::size_t shown = 60;
    const std::string_view start = first_characters(cell, shown);
    return fmt::format("'{}{}'", start, start.size() < cell.size() ? "…" : "");
}

Expected<date::sys_days> parse_export_date(std::string_view text, std::optional<DateOrder> order) {
    const std::size_t first = text.find_first_not_of(" \t");
    const std::size_t last = text.find_last_not_of(" \t");
    const std::string_view trimmed =
        first == std::string_view::npos ? std::string_view{} : text.substr(first, last - first + 1);
    const auto not_a_date = [&](std::string_view why) {
        return fail(fmt::format("{} is not a date remedy reads ({}){}", quoted_cell(trimmed),
                                example_forms, why.empty() ? "" : fmt::format(": {}", why)));
    };
    if (trimmed.empty())
        return fail("the date is empty");
    Scanner in(trimmed);
    int y = 0;
    unsigned m = 0, d = 0;
    char separator = '\0';
    const std::size_t lead_digits = in.digits_ahead();
    const std::optional<int> lead = in.number(1, 4);
    if (lead_digits == 4) {
        // The year first: 2026-10-12 or 2026/10/12.
        if (!in.take_any("-/", separator))
            return not_a_date("");
        const std::optional<int> month = in.number(1, 2);
        const std::optional<int> day = month && in.take(separator) ? in.number(1, 2) : std::nullopt;
        if (!day)
            return not_a_date("");
        y = *lead;
        m = static_cast<unsigned>(*month);
        d = static_cast<unsigned>(*day);
        char after = '\0';
        if (in.take('T'))
            after = 'T';
        if (const std::string why = time_of_day(in, after); !why.empty())
            return not_a_date(why);
    } else if (lead && lead_digits <= 2 && in.take_any("/.- ", separator)) {
        std::optional<int> second;
        unsigned named_month = 0;
        if (is_letter(in.peek())) {
            named_month = month_of(in.word());
            if (named_month == 0 || separator == '.')
                return not_a_date("");
        } else {
            second = in.number(1, 2);
            if (!second || separator == ' ')
                return not_a_date("");
        }
        if (!in.take(separator))
            return not_a_date("");
        const std::optional<int> written_year = year(in);
        if (!written_year)
            return not_a_date("the year must have four digits, or two");
        y = *written_year;
        if (const std::string why = time_of_day(in, '\0'); !why.empty())
            return not_a_date(why);
        const unsigned a = static_cast<unsigned>(*lead);
        if (named_month != 0) {
            d = a;
            m = named_month;
        } else {
            const unsigned b = static_cast<unsigned>(*second);
            // Dots are day-first wherever they are written (12.10.2026).
            std::optional<DateOrder> read_as =
                separator == '.' ? std::optional(DateOrder::day_first) : order;
            if (!read_as) {
                if (a > 12 && b <= 12)
                    read_as = DateOrder::day_first;
                else if (b > 12 && a <= 12)
                    read_as = DateOrder::month_first;
                else if (a == b)
                    read_as = DateOrder::day_first;
                else if (a <= 12 && b <= 12 && a >= 1 && b >= 1)
                    return fail(fmt::format(
                        "{} could be {} {} or {} {} {}; say which order the export writes its "
                        "dates in: [import] dates = \"dmy\" (day first) or \"mdy\" (month first)",
                        quoted_cell(trimmed), a, month_name(b), b, month_name(a), y));
                else
                    return not_a_date("");
            }
            d = *read_as == DateOrder::day_first ? a : b;
            m = *read_as == DateOrder::day_first ? b : a;
            if (m < 1 || m > 12) {
                if (order && separator != '.')
                    return fail(fmt::format("{} is not a {} date (import.dates = \"{}\")",
                                            quoted_cell(trimmed), order_text(*order),
                                            date_orders.name(*order)));
                return not_a_date("");
            }
        }
    } else {
        return not_a_date("");
    }
    const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
    if (!ymd.ok())
        return not_a_date("there is no such day");
    const date::sys_days day{ymd};
    if (!is_supported_day(day))
        return fail(
            fmt::format("{} is outside the supported years 1900 to 9999", quoted_cell(trimmed)));
    return day;
}

} // namespace remedy
