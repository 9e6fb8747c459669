#include "plan_sections.h"
#include "remedy/io/file_beside.h"
#include "remedy/io/holidays_file.h"
#include "remedy/io/limits.h"
#include "remedy/model/dates.h"
#include "remedy/util/ascii.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace remedy {

namespace {

void read_extension(const toml::table& table, Reading& r, Timebox& timebox) {
    TableReader reader(table, "timebox.extension", r.file, r.diagnostics);
    Extension extension;
    extension.days =
        static_cast<int>(reader.integer("days", Presence::required, 1, 60).value_or(0));
    extension.agreed = reader.day("agreed", Presence::required).value_or(date::sys_days{});
    extension.reason = reader.line("reason", Presence::required).value_or("");
    extension.where = reader.finish();
    timebox.extensions.push_back(std::move(extension));
}

// A weekday as the plan names it: "monday" or "mon", in any case; c_encoding (0 = Sunday).
std::optional<unsigned> weekday_named(std::string_view text) {
    static constexpr std::array<std::string_view, 7> names = {
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
    const std::string lower = to_lower_ascii(text);
    for (unsigned w = 0; w < names.size(); ++w)
        if (lower == names[w] || lower == names[w].substr(0, 3))
            return w;
    return std::nullopt;
}

// calendar.weekend: the weekdays that are not working days.
void read_weekend(TableReader& reader, Calendar& calendar) {
    // Asked for also when absent: it is a key a typo is compared with.
    const toml::node* given = reader.node("weekend", Presence::optional);
    if (!given) {
        calendar.weekend[0] = calendar.weekend[6] = true; // Saturday and Sunday
        return;
    }
    for (const toml::node* element : reader.array("weekend", Presence::optional, 7)) {
        const std::optional<std::string> name = reader.line_of(*element, "calendar.weekend");
        if (!name)
            continue;
        if (const std::optional<unsigned> weekday = weekday_named(*name))
            calendar.weekend[*weekday] = true;
        else
            reader.error(position_of(element->source().begin),
                         fmt::format("calendar.weekend: '{}' is not a day of the week; use "
                                     "monday..sunday or mon..sun",
                                     *name));
    }
    if (std::all_of(calendar.weekend.begin(), calendar.weekend.end(), [](bool b) { return b; }))
        reader.error(position_of(given->source().begin),
                     "calendar.weekend holds every day of the week: no day would be a working "
                     "day");
}

// The days of calendar.holidays_file, or its faults (located in that file).
void add_holidays_file(TableReader& reader, Reading& r, Calendar& calendar,
                       std::vector<date::sys_days>& days) {
    const std::optional<std::string> named = reader.line("holidays_file", Presence::optional);
    if (!named)
        return;
    calendar.holidays_file = *named;
    const SourcePos at = position_of(reader.table().get("holidays_file")->source().begin);
    // A file beside the plan, part of the record: never /etc/passwd or ../elsewhere.ics.
    if (const Expected<std::string> inside = path_inside_folder(*named); !inside) {
        reader.error(at, fmt::format("calendar.holidays_file '{}' must be a path inside the "
                                     "plan's folder: {}",
                                     *named, inside.error()));
        return;
    }
    const Expected<std::string> text = r.read_named(*named);
    if (!text) {
        reader.error(at, fmt::format("calendar.holidays_file '{}' cannot be read: {}", *named,
                                     text.error()));
        return;
    }
    HolidaysFile holidays = read_holidays_file(*text, *named, limits::max_days_off);
    const bool refused =
        std::any_of(holidays.diagnostics.begin(), holidays.diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; });
    for (Diagnostic& diagnostic : holidays.diagnostics)
        r.diagnostics.push_back(std::move(diagnostic));
    if (!refused && holidays.all_day_events == 0)
        reader.warning(at, fmt::format("calendar.holidays_file '{}' has no all-day event: no day "
                                       "off comes from it",
                                       *named));
    days.insert(days.end(), holidays.days.begin(), holidays.days.end());
}

} // namespace

void read_calendar(TableReader& root, Reading& r, Calendar& calendar) {
    const toml::table* table = sub_table(root, "calendar", Presence::optional);
    if (!table)
        return;
    calendar.present = true;
    const std::size_t errors_before = r.error_count();
    TableReader reader(*table, "calendar", r.file, r.diagnostics);
    read_weekend(reader, calendar);
    std::vector<date::sys_days> days;
    for (const toml::node* element :
         reader.array("holidays", Presence::optional, limits::max_days_off))
        if (const std::optional<date::sys_days> day = reader.day_of(*element, "calendar.holidays"))
            days.push_back(*day);
    add_holidays_file(reader, r, calendar, days);
    // The days off that a weekend does not already cover, each once, sorted: what counting
    // working days searches.
    std::erase_if(days, [&](date::sys_days day) {
        return calendar.weekend[date::weekday{day}.c_encoding()];
    });
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    if (days.size() > limits::max_days_off)
        reader.error(position_of(table->source().begin),
                     fmt::format("the calendar has more than {} days off, the limit "
                                 "(docs/limits.md)",
                                 count_text(limits::max_days_off)));
    calendar.days_off = std::move(days);
    calendar.where = reader.finish();
    // The deadline and the due dates roll on the calendar: no rule may use one with an error.
    r.complete.calendar = r.error_count() == errors_before;
}

void read_pause(const toml::table& table, Reading& r, std::vector<Pause>& pauses) {
    TableReader reader(table, "pause", r.file, r.diagnostics);
    ReadCompleteness::Pause& valid = r.complete.pauses.emplace_back();
    const std::size_t errors_before = r.error_count();
    Pause pause;
    pause.from = reader.day("from", Presence::required).value_or(date::sys_days{});
    pause.to = reader.day("to", Presence::required).value_or(date::sys_days{});
    for (const toml::node* element : reader.array("issues", Presence::optional, limits::max_issues))
        if (std::optional<std::string> id = reader.line_of(*element, "pause.issues"))
            pause.issues.push_back(std::move(*id));
    pause.reason = reader.line("reason", Presence::required).value_or("");
    pause.agreed = reader.day("agreed", Presence::optional).value_or(pause.from);
    pause.reopened = reader.day("reopened", Presence::optional);
    pause.where = reader.finish();
    valid.all = r.error_count() == errors_before;
    pauses.push_back(std::move(pause));
}

void read_timebox(TableReader& root, Reading& r, Timebox& timebox) {
    const toml::table* table = sub_table(root, "timebox", Presence::required);
    if (!table)
        return;
    const std::size_t errors_before = r.error_count();
    TableReader reader(*table, "timebox", r.file, r.diagnostics);
    const auto start = reader.day("start", Presence::required);
    timebox.start = start.value_or(date::sys_days{});
    r.complete.timebox_start = start.has_value();
    timebox.days = static_cast<int>(reader.integer("days", Presence::optional, 1, 60).value_or(60));
    for (const toml::table* extension : table_array(reader, "extension", limits::max_extensions))
        read_extension(*extension, r, timebox);
    timebox.where = reader.finish();
    if (r.error_count() != errors_before)
        return;
    // Every date remedy writes (the deadline, the calendar's events) stays in the years it
    // reads.
    const int days_left_in_range = days_between(timebox.start, date::sys_days{last_supported_day});
    if (timebox.days > days_left_in_range) {
        reader.error(timebox.where.value_of("days"),
                     fmt::format("the time box of {} days from {} ends after 9999-12-31, the "
                                 "last day remedy accepts",
                                 timebox.days, format_iso_date(timebox.start)));
        return;
    }
    std::int64_t total_days = timebox.days;
    for (const Extension& extension : timebox.extensions) {
        total_days += extension.days;
        if (total_days > days_left_in_range) {
            reader.error(extension.where.value_of("days"),
                         "timebox.extension days take the deadline past the year 9999");
            return;
        }
    }
    r.complete.deadline = true;
}

void read_ultimatum(TableReader& root, const Timebox& timebox, Reading& r, Ultimatum& ultimatum) {
    ultimatum.issued = timebox.start;
    const toml::table* table = sub_table(root, "ultimatum", Presence::optional);
    if (!table)
        return;
    ultimatum.present = true;
    TableReader reader(*table, "ultimatum", r.file, r.diagnostics);
    ultimatum.given = reader.boolean("given", Presence::optional).value_or(true);
    ultimatum.issued = reader.day("issued", Presence::optional).value_or(timebox.start);
    ultimatum.until = reader.day("until", Presence::optional);
    ultimatum.strikes =
        static_cast<int>(reader.integer("strikes", Presence::optional, 1, 1000).value_or(1));
    ultimatum.severity = reader.priority("severity", Presence::optional).value_or(Priority::high);
    ultimatum.where = reader.finish();
}

} // namespace remedy
