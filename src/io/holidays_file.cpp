#include "remedy/io/holidays_file.h"

#include "remedy/model/dates.h"

#include <charconv>
#include <fmt/format.h>
#include <optional>

namespace remedy {

namespace {

// One content line after unfolding, and the line of the file it starts on.
struct ContentLine {
    std::string text;
    std::uint32_t line = 0;
};

std::vector<ContentLine> unfolded(std::string_view text) {
    std::vector<ContentLine> lines;
    std::uint32_t number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        ++number;
        start = end + 1;
        // A line starting with a space or a tab continues the one before (RFC 5545 3.1).
        if (!line.empty() && (line.front() == ' ' || line.front() == '\t') && !lines.empty())
            lines.back().text += line.substr(1);
        else if (!line.empty())
            lines.push_back({std::string(line), number});
    }
    return lines;
}

// "DTSTART;VALUE=DATE:20261126": the name (upper case), the parameters, the value.
struct Property {
    std::string name;
    std::string parameters;
    std::string value;
};

Property split(const std::string& line) {
    Property property;
    const std::size_t colon = line.find(':');
    const std::string head = line.substr(0, colon);
    property.value = colon == std::string::npos ? "" : line.substr(colon + 1);
    const std::size_t semicolon = head.find(';');
    property.name = head.substr(0, semicolon);
    for (char& c : property.name)
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    property.parameters = semicolon == std::string::npos ? "" : head.substr(semicolon + 1);
    return property;
}

// A DATE value "20261126".
std::optional<date::sys_days> date_value(std::string_view value) {
    if (value.size() != 8)
        return std::nullopt;
    const Expected<date::sys_days> day = parse_iso_date(
        fmt::format("{}-{}-{}", value.substr(0, 4), value.substr(4, 2), value.substr(6, 2)));
    return day ? std::optional(*day) : std::nullopt;
}

// "P1D", "P3D", "P1W": a whole number of days.
std::optional<int> duration_days(std::string_view value) {
    if (value.size() < 3 || value.front() != 'P' || (value.back() != 'D' && value.back() != 'W'))
        return std::nullopt;
    int count = 0;
    const std::string_view digits = value.substr(1, value.size() - 2);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
    if (ec != std::errc() || end != digits.data() + digits.size() || count < 1 || count > 3660)
        return std::nullopt;
    return value.back() == 'W' ? count * 7 : count;
}

// What one VEVENT says about its days.
struct Event {
    std::uint32_t line = 0;
    date::sys_days start{};
    bool has_start = false;
    date::sys_days end{}; // excluded
    bool has_end = false;
    int days = 1; // from DURATION, when there is no DTEND
    bool timed = false;
    bool repeats = false;
};

} // namespace

HolidaysFile read_holidays_file(std::string_view text, const std::string& file,
                                std::size_t max_days) {
    HolidaysFile result;
    const auto fault = [&](Severity severity, std::uint32_t line, std::string message) {
        result.diagnostics.push_back({severity, file, SourcePos{line, 1}, std::move(message)});
    };
    std::optional<Event> event;
    const std::vector<ContentLine> lines = unfolded(text);
    // An iCalendar object begins with BEGIN:VCALENDAR (RFC 5545 3.4), after a BOM at most; any
    // other file is refused whole, and nothing of it is quoted.
    const std::string_view first = lines.empty() ? std::string_view() : lines.front().text;
    const std::string_view opening = first.starts_with("\xEF\xBB\xBF") ? first.substr(3) : first;
    if (opening != "BEGIN:VCALENDAR") {
        fault(Severity::error, 1,
              "the file is not an iCalendar file: it does not begin with "
              "BEGIN:VCALENDAR");
        return result;
    }
    for (const ContentLine& content : lines) {
        const Property property = split(content.text);
        if (property.name == "BEGIN" && property.value == "VEVENT") {
            event = Event{};
            event->line = content.line;
            continue;
        }
        if (!event)
            continue;
        if (property.name == "END" && property.value == "VEVENT") {
            const Event done = *event;
            event.reset();
            if (done.repeats)
                continue;
            if (done.timed || !done.has_start) {
                fault(Severity::warning, done.line,
                      "the event is not an all-day event (DTSTART;VALUE=DATE:YYYYMMDD); it is "
                      "ignored");
                continue;
            }
            const date::sys_days excluded =
                done.has_end ? done.end : done.start + date::days{done.days};
            if (excluded <= done.start) {
                fault(Severity::error, done.line, "the event ends before it starts");
                continue;
            }
            ++result.all_day_events;
            for (date::sys_days day = done.start; day < excluded; day += date::days{1}) {
                if (result.days.size() == max_days) {
                    fault(
                        Severity::error, done.line,
                        fmt::format("more than {} days off, the limit (docs/limits.md)", max_days));
                    return result;
                }
                result.days.push_back(day);
            }
            continue;
        }
        if (property.name == "RRULE" || property.name == "RDATE") {
            fault(Severity::error, content.line,
                  fmt::format("a repeating event ({}) is not read: list each day off as its own "
                              "all-day event",
                              property.name));
            event->repeats = true;
        } else if (property.name == "DTSTART" || property.name == "DTEND") {
            const std::optional<date::sys_days> day = date_value(property.value);
            if (!day) {
                event->timed = true; // a date-time: the event has a time of day
            } else if (property.name == "DTSTART") {
                event->start = *day;
                event->has_start = true;
            } else {
                event->end = *day;
                event->has_end = true;
            }
        } else if (property.name == "DURATION") {
            if (const std::optional<int> days = duration_days(property.value))
                event->days = *days;
            else
                event->timed = true;
        }
    }
    if (event)
        fault(Severity::error, event->line, "the event has no END:VEVENT");
    return result;
}

} // namespace remedy
