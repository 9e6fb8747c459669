// The SVG form of `remedy history`: the figures of each commit and week as step charts, the
// commits that carry a flag and the deadline of each version marked on the time axis.
#include "remedy/model/dates.h"
#include "remedy/model/money.h"
#include "remedy/render/history_report.h"
#include "remedy/render/step_chart.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

constexpr const char* open_colour = "#1f5fbf";
constexpr const char* overdue_colour = "#c62828";
constexpr const char* owed_colour = "#2e7d32";

// Each valid commit and week, in time order: each is how one version stood on its day, and it
// holds until the next one (a sample of the record, drawn as steps, never as slopes).
std::vector<const HistoryPoint*> points_in_time(const PlanHistory& history) {
    std::vector<const HistoryPoint*> points;
    for (const auto* list : {&history.commits, &history.weeks})
        for (const HistoryPoint& point : *list)
            if (point.valid)
                points.push_back(&point);
    std::stable_sort(points.begin(), points.end(),
                     [](const HistoryPoint* a, const HistoryPoint* b) { return a->day < b->day; });
    return points;
}

template <class Value>
std::vector<std::pair<date::sys_days, std::int64_t>>
steps(const std::vector<const HistoryPoint*>& points, Value value) {
    std::vector<std::pair<date::sys_days, std::int64_t>> out;
    for (const HistoryPoint* point : points) {
        if (!out.empty() && out.back().first == point->day)
            out.back().second = value(*point); // the newest of a day is how it ended
        else if (out.empty() || out.back().second != value(*point))
            out.emplace_back(point->day, value(*point));
    }
    if (out.back().first != points.back()->day)
        out.emplace_back(points.back()->day, value(*points.back()));
    return out;
}

// What the time axis marks: each version's deadline where it changed, the commits that carry
// a flag, and the day the history stops.
std::vector<ChartEvent> history_events(const PlanHistory& history) {
    std::vector<ChartEvent> events;
    const std::vector<const HistoryPoint*> moves = deadline_moves(history.commits);
    for (std::size_t k = 1; k < moves.size(); ++k) // the first sets the deadline, not a move
        events.push_back(
            {moves[k]->day, std::nullopt, EventKind::milestone,
             fmt::format("deadline moved to {}", format_iso_date(*moves[k]->deadline))});
    for (const HistoryPoint& point : history.commits) {
        if (!is_flagged(point))
            continue;
        const std::size_t flagged = flagged_changes(point);
        const std::string label =
            flagged ? fmt::format("{} flagged change{} by {}", flagged, flagged == 1 ? "" : "s",
                                  point.author)
                    : fmt::format("commit flagged {} by {}", flag_names(point.flags), point.author);
        events.push_back({point.day, std::nullopt, EventKind::milestone, label});
    }
    if (history.deadline)
        events.push_back({*history.deadline, std::nullopt, EventKind::deadline, "deadline"});
    events.push_back({history.as_of, std::nullopt, EventKind::today, "as of"});
    return events;
}

} // namespace

std::string render_history_svg(const PlanHistory& history) {
    const std::string parties = history.client.empty()
                                    ? std::string("no valid version")
                                    : fmt::format("{} and {}", history.client, history.provider);
    const std::string title = fmt::format("Remediation history: {}", parties);
    const std::vector<const HistoryPoint*> points = points_in_time(history);
    if (points.empty()) {
        StepChart empty;
        empty.id = "history";
        empty.title = title;
        empty.description = "No valid version of the plan to chart.";
        empty.first = empty.last = history.as_of;
        return render_step_chart_document(title, {empty});
    }
    const HistoryPoint& newest = *points.back();
    date::sys_days last = std::max(newest.day, history.as_of);
    if (history.deadline)
        last = std::max(last, *history.deadline);

    StepChart issues;
    issues.id = "history-issues";
    issues.title = fmt::format("Open and overdue issues, commit by commit: {}", parties);
    issues.description = fmt::format(
        "Issues open and overdue as each committed version and each week's newest version "
        "stood on its own day, from {} to {}; a value holds until the next version.",
        format_iso_date(points.front()->day), format_iso_date(newest.day));
    issues.first = points.front()->day;
    issues.last = last;
    issues.events = history_events(history);
    issues.series.push_back(
        {"open", SeriesLook::solid, open_colour,
         steps(points, [](const HistoryPoint& p) { return std::int64_t{p.open}; })});
    issues.series.push_back(
        {"overdue", SeriesLook::hatched, overdue_colour,
         steps(points, [](const HistoryPoint& p) { return std::int64_t{p.overdue}; })});

    StepChart owed = issues;
    owed.id = "history-owed";
    owed.title = fmt::format("Penalties owed ({}), commit by commit: {}", newest.currency, parties);
    owed.description =
        fmt::format("Penalties owed as each version stood on its own day, from "
                    "{} to {}.",
                    format_iso_date(points.front()->day), format_iso_date(newest.day));
    owed.series = {{"owed", SeriesLook::hatched, owed_colour,
                    steps(points, [](const HistoryPoint& p) { return p.owed.minor; })}};
    owed.smallest_step = 1;
    for (int digit = 0; digit < newest.minor_digits; ++digit)
        owed.smallest_step *= 10;
    const int digits = newest.minor_digits;
    owed.value_text = [digits](std::int64_t minor) {
        return format_money_grouped(Money{minor}, digits);
    };
    return render_step_chart_document(title, {issues, owed});
}

} // namespace remedy
