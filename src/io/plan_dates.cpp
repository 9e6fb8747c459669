#include "plan_sections.h"
#include "remedy/io/limits.h"
#include "remedy/model/dates.h"

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

} // namespace

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
    ultimatum.issued = reader.day("issued", Presence::optional).value_or(timebox.start);
    ultimatum.strikes =
        static_cast<int>(reader.integer("strikes", Presence::optional, 1, 1000).value_or(1));
    ultimatum.severity = reader.priority("severity", Presence::optional).value_or(Priority::high);
    ultimatum.where = reader.finish();
}

} // namespace remedy
