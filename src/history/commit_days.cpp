#include "commit_days.h"

#include "remedy/io/today.h"

#include <algorithm>
#include <string_view>

namespace remedy {

date::sys_days day_of_commit(std::string_view zone, std::chrono::sys_seconds at) {
    return date::floor<date::days>(at + utc_offset(zone, at));
}

std::vector<CommitDay> version_days(const PlanRecord& record, const HistoryDays& days) {
    const std::vector<PlanVersion>& versions = record.versions;
    const std::size_t line = record.line_times.size();
    // Each commit's day in the zone of the plan in force at it (UTC before one reads).
    std::vector<date::sys_days> dated(line);
    std::string_view zone = "UTC";
    for (std::size_t i = 0, v = 0; i < line; ++i) {
        for (; v < versions.size() && versions[v].line_index <= i; ++v)
            if (versions[v].loaded && versions[v].loaded->plan)
                zone = versions[v].loaded->plan->client.timezone;
        dated[i] = day_of_commit(zone, record.line_times[i]);
    }
    // A history of a past day stops at the last version dated on or before it.
    std::size_t kept = versions.size();
    std::size_t line_end = line;
    if (days.later == LaterCommits::left_out) {
        kept = record.first_shown;
        for (std::size_t v = record.first_shown; v < versions.size(); ++v)
            if (dated[versions[v].line_index] <= days.as_of)
                kept = v + 1;
        line_end = kept > 0 ? versions[kept - 1].line_index + 1 : 0;
    }
    // A commit dated ahead was made before the commits after it: it is judged on the earliest
    // day one of them claims, among those not dated before it (the others lie, or it does).
    const date::sys_days latest = days.as_of;
    const auto made_by = [&](std::size_t i, date::sys_days parent) {
        date::sys_days by = latest;
        for (std::size_t j = i + 1; j < line_end; ++j)
            if (dated[j] >= parent && dated[j] < by)
                by = dated[j];
        return by;
    };
    std::vector<CommitDay> line_days(line_end);
    date::sys_days parent = date::sys_days::min();
    for (std::size_t i = 0; i < line_end; ++i) {
        CommitDay& day = line_days[i];
        day.dated = dated[i];
        day.day = dated[i];
        if (day.day < parent) {
            day.flags |= flag_dated_before_parent;
            day.day = parent;
        }
        if (dated[i] > latest) {
            day.flags |= flag_dated_ahead;
            day.day = made_by(i, parent);
        }
        parent = day.day;
    }
    std::vector<CommitDay> out;
    out.reserve(kept);
    for (std::size_t v = 0; v < kept; ++v)
        out.push_back(line_days[versions[v].line_index]);
    return out;
}

} // namespace remedy
