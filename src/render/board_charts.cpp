#include "board_charts.h"

#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/escape.h"
#include "remedy/render/step_chart.h"

#include <algorithm>
#include <fmt/format.h>
#include <iterator>

namespace remedy {

namespace {

constexpr const char* open_colour = "#1f5fbf";
constexpr const char* overdue_colour = "#c62828";
constexpr const char* owed_colour = "#2e7d32";
constexpr const char* forecast_colour = "#555555";

// "Northwind Traders and Acme Managed IT": a chart is titled by the parties, not by a file.
std::string parties(const Plan& plan) {
    return plan.client.name + " and " + plan.provider.name;
}

// The last day the time axis shows: as_of, the deadline, or the forecast's finish.
date::sys_days axis_end(const Judgement& j) {
    date::sys_days last = std::max(j.as_of, j.deadline);
    if (j.forecast && j.forecast->finish)
        last = std::max(last, *j.forecast->finish);
    return last;
}

// What happened on the time axis: the warning, each strike, each extension and pause in force,
// the deadline and as_of.
std::vector<ChartEvent> plan_events(const Plan& plan, const Judgement& j) {
    std::vector<ChartEvent> events;
    // The warning is marked once given (the notice itself, without an [ultimatum]: no mark).
    if (plan.ultimatum.present && j.warning)
        events.push_back(
            {*j.warning, std::nullopt, EventKind::milestone, "ultimatum issued (final warning)"});
    for (std::size_t index : j.strikes) {
        const Incident& incident = plan.incidents[index];
        events.push_back(
            {incident.date, std::nullopt, EventKind::milestone,
             fmt::format("strike: {} incident{}{}{}", name(incident.priority),
                         incident.id.empty() ? "" : " ", incident.id,
                         j.incidents[index].status == IncidentStatus::disputed ? " (disputed)"
                                                                               : "")});
    }
    for (const Extension& extension : plan.timebox.extensions)
        if (extension.agreed <= j.as_of)
            events.push_back({extension.agreed, std::nullopt, EventKind::milestone,
                              fmt::format("extension agreed: +{}", plural(extension.days, "day"))});
    for (const Pause& pause : plan.pauses)
        if (pause.agreed <= j.as_of)
            events.push_back(
                {pause.from, pause.to, EventKind::span,
                 fmt::format("pause to {} ({}{})", format_iso_date(pause.to), covered_issues(pause),
                             pause.reopened ? ", while it stood resolved" : "")});
    events.push_back({j.deadline, std::nullopt, EventKind::deadline, "deadline"});
    events.push_back({j.as_of, std::nullopt, EventKind::today, "as of"});
    return events;
}

std::string day_range_text(const BoardReportFacts& facts) {
    return fmt::format("{} to {}", format_iso_date(facts.days.front().day),
                       format_iso_date(facts.days.back().day));
}

// A series from the days' figures: a point on each day its value changes.
template <class Value>
std::vector<std::pair<date::sys_days, std::int64_t>> steps(const BoardReportFacts& facts,
                                                           Value value) {
    std::vector<std::pair<date::sys_days, std::int64_t>> points;
    for (const DayFigures& day : facts.days)
        if (points.empty() || points.back().second != value(day))
            points.emplace_back(day.day, value(day));
    // The line goes on to the last day, where its value is labelled.
    if (points.back().first != facts.days.back().day)
        points.emplace_back(facts.days.back().day, value(facts.days.back()));
    return points;
}

std::string no_days(const Plan& plan, const Judgement& j) {
    return fmt::format("<p>No chart: the time box starts on {}, after {}.</p>\n",
                       format_iso_date(plan.timebox.start), format_iso_date(j.as_of));
}

// A chart of the plan's days: titled by what it shows and the parties, from the start to
// `last`, with the plan's events on its time axis.
StepChart chart_of(const Plan& plan, const Judgement& j, std::string id, std::string_view shows,
                   date::sys_days last) {
    StepChart chart;
    chart.id = std::move(id);
    chart.title = fmt::format("{}: {}", shows, parties(plan));
    chart.first = plan.timebox.start;
    chart.last = last;
    chart.events = plan_events(plan, j);
    return chart;
}

} // namespace

std::string covered_issues(const Pause& pause) {
    if (pause.covers_every_issue())
        return "every issue";
    std::string ids;
    for (const std::string& id : pause.issues)
        ids += (ids.empty() ? "" : ", ") + id;
    return ids;
}

std::string burndown_chart(const Plan& plan, const Judgement& j, const BoardReportFacts& facts) {
    if (facts.days.empty())
        return no_days(plan, j);
    StepChart chart = chart_of(plan, j, "burndown", "Open and overdue issues", axis_end(j));
    chart.series.push_back({"open", SeriesLook::solid, open_colour,
                            steps(facts, [](const DayFigures& d) { return d.open; })});
    chart.series.push_back({"overdue", SeriesLook::hatched, overdue_colour,
                            steps(facts, [](const DayFigures& d) { return d.overdue; })});
    std::string forecast_words;
    if (j.forecast && j.forecast->finish) {
        chart.series.push_back(
            {"forecast",
             SeriesLook::projection,
             forecast_colour,
             {{j.as_of + date::days{1}, facts.days.back().open}, {*j.forecast->finish, 0}}});
        forecast_words = fmt::format("; at the recent pace the open issues would be done "
                                     "around {}",
                                     format_iso_date(*j.forecast->finish));
    }
    chart.description =
        fmt::format("Issues open and overdue on each day from {}, as each day's judgement saw "
                    "them: {} open and {} overdue on {}; the deadline is {}{}.",
                    day_range_text(facts), facts.days.back().open, facts.days.back().overdue,
                    format_iso_date(j.as_of), format_iso_date(j.deadline), forecast_words);
    return render_step_chart(chart);
}

std::string money_chart(const Plan& plan, const Judgement& j, const BoardReportFacts& facts) {
    if (facts.days.empty())
        return no_days(plan, j);
    StepChart chart = chart_of(plan, j, "owed", "Penalties owed", std::max(j.as_of, j.deadline));
    chart.series.push_back({"owed", SeriesLook::hatched, owed_colour,
                            steps(facts, [](const DayFigures& d) { return d.owed.minor; })});
    // A plan cap limits the line drawn; a month cap limits each month's money, not the sum the
    // line shows, so it is not drawn against it (the statement by month shows it).
    if (j.penalties.cap && j.penalties.cap_per == CapPer::plan)
        chart.levels.push_back(
            {j.penalties.cap->minor, fmt::format("cap: {}", money_text(plan, *j.penalties.cap))});
    chart.smallest_step = 1;
    for (int digit = 0; digit < plan.contract.minor_digits; ++digit)
        chart.smallest_step *= 10;
    const int digits = plan.contract.minor_digits;
    chart.value_text = [digits](std::int64_t minor) {
        return format_money_grouped(Money{minor}, digits);
    };
    chart.description = fmt::format(
        "The penalties owed on each day from {}, after the cap, as each day's judgement "
        "saw them: {} on {}.",
        day_range_text(facts), money_text(plan, facts.days.back().owed), format_iso_date(j.as_of));
    return render_step_chart(chart);
}

namespace {

constexpr double row_h = 20, label_w = 110, timeline_w = 900, timeline_right = 20;
constexpr double timeline_top = 70;

} // namespace

std::string issue_timeline(const Plan& plan, const Judgement& j, const BoardReportFacts& facts) {
    const date::sys_days first = plan.timebox.start;
    const date::sys_days last = std::max(j.as_of, j.deadline) + date::days{1};
    const double days = static_cast<double>(std::max<long long>(1, (last - first).count()));
    const double plot_w = timeline_w - label_w - timeline_right;
    const auto x = [&](date::sys_days day) {
        const date::sys_days clamped = std::clamp(day, first, last);
        return label_w + plot_w * static_cast<double>((clamped - first).count()) / days;
    };
    const double height = timeline_top + row_h * static_cast<double>(plan.issues.size()) + 40;
    std::string out = fmt::format(
        "<svg class=\"chart timeline\" role=\"img\" aria-labelledby=\"timeline-title "
        "timeline-desc\" viewBox=\"0 0 {0} {1:.0f}\" width=\"{0}\" height=\"{1:.0f}\" "
        "font-family=\"sans-serif\" font-size=\"11\">\n"
        "<title id=\"timeline-title\">Issue timeline: {2}</title>\n"
        "<desc id=\"timeline-desc\">One row per issue from {3} to {4}: a triangle at its due "
        "date, a diamond at its effective due date, a white bar for the grace days, grey bars "
        "for paused days, a cross-hatched bar for the late days, and a filled circle at its "
        "resolution, a cross at its waiver, or an arrow at {4} while it is open.</desc>\n"
        "<defs><pattern id=\"late-hatch\" width=\"6\" height=\"6\" "
        "patternUnits=\"userSpaceOnUse\"><path d=\"M0,0 L6,6 M6,0 L0,6\" stroke=\"{5}\" "
        "stroke-width=\"1.5\"/></pattern><pattern id=\"paused-hatch\" width=\"4\" height=\"4\" "
        "patternUnits=\"userSpaceOnUse\"><path d=\"M0,4 L4,0\" stroke=\"#666\"/></pattern>"
        "</defs>\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        "<text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Issue timeline: "
        "{2}</text>\n",
        timeline_w, height, html_text(parties(plan)), format_iso_date(first),
        format_iso_date(j.as_of), overdue_colour);
    // The deadline and as_of, across every row.
    for (const auto& [day, label, dash] :
         {std::tuple{j.deadline, "deadline", ""},
          std::tuple{j.as_of, "as of", " stroke-dasharray=\"4 3\""}})
        fmt::format_to(std::back_inserter(out),
                       "<line x1=\"{0:.1f}\" y1=\"{1:.1f}\" x2=\"{0:.1f}\" y2=\"{2:.1f}\" "
                       "stroke=\"#222\"{3}/><text x=\"{0:.1f}\" y=\"{4:.1f}\" "
                       "text-anchor=\"end\" font-weight=\"bold\">{5} {6}</text>\n",
                       x(day), timeline_top - 8, height - 30, dash,
                       label == std::string_view("deadline") ? timeline_top - 26
                                                             : timeline_top - 12,
                       label, format_iso_date(day));
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const Issue& issue = plan.issues[i];
        const IssueJudgement& judged = j.issues[i];
        const IssueDates& dates = judged.dates;
        const double y = timeline_top + row_h * static_cast<double>(i) + row_h / 2;
        fmt::format_to(
            std::back_inserter(out), "<g><title>{}</title><text x=\"6\" y=\"{:.1f}\">{}</text>",
            html_text(issue_label(issue) + ": " + issue.title), y + 4, html_text(issue.id));
        const date::sys_days end =
            judged.state == IssueStatus::open || judged.state == IssueStatus::in_progress
                ? j.as_of
                : dates.end;
        fmt::format_to(std::back_inserter(out),
                       "<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" "
                       "stroke=\"#999\"/>",
                       x(first), y, x(end + date::days{1}), y);
        // The paused days, one shape of all the ranges: a big plan has many.
        if (!facts.paused[i].empty()) {
            out += "<path fill=\"url(#paused-hatch)\" stroke=\"#666\" d=\"";
            for (const DayRange& range : facts.paused[i])
                fmt::format_to(std::back_inserter(out), "M{:.1f},{:.1f}h{:.1f}v8H{:.1f}Z",
                               x(range.first), y - 4,
                               x(range.last + date::days{1}) - x(range.first), x(range.first));
            out += "\"/>";
        }
        if (dates.grace_end > dates.effective_due)
            fmt::format_to(std::back_inserter(out),
                           "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"8\" "
                           "fill=\"white\" stroke=\"#222\"/>",
                           x(dates.effective_due + date::days{1}), y - 4,
                           x(dates.grace_end + date::days{1}) -
                               x(dates.effective_due + date::days{1}));
        const date::sys_days late_last = std::min(dates.end, j.deadline);
        if (judged.penalty.late_days > 0 && late_last > dates.grace_end)
            fmt::format_to(std::back_inserter(out),
                           "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"12\" "
                           "fill=\"url(#late-hatch)\" stroke=\"{}\"/>",
                           x(dates.grace_end + date::days{1}), y - 6,
                           x(late_last + date::days{1}) - x(dates.grace_end + date::days{1}),
                           overdue_colour);
        // The due date (a triangle) and, where a pause or a day off moved it, the effective
        // due date (a diamond).
        const double due_x = x(issue.due + date::days{1});
        fmt::format_to(std::back_inserter(out),
                       "<path d=\"M{0:.1f},{1:.1f} l-5,-8 h10 Z\" fill=\"#222\"/>", due_x, y);
        if (dates.effective_due != issue.due)
            fmt::format_to(std::back_inserter(out),
                           "<path d=\"M{0:.1f},{1:.1f} l5,5 l-5,5 l-5,-5 Z\" fill=\"white\" "
                           "stroke=\"#222\"/>",
                           x(dates.effective_due + date::days{1}), y - 5);
        const double end_x = x(end + date::days{1});
        switch (judged.state) {
        case IssueStatus::resolved:
            fmt::format_to(std::back_inserter(out),
                           "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\" fill=\"#222\"/>", end_x,
                           y);
            break;
        case IssueStatus::waived:
            fmt::format_to(std::back_inserter(out),
                           "<path d=\"M{0:.1f},{1:.1f} l8,8 m0,-8 l-8,8\" stroke=\"#222\" "
                           "stroke-width=\"2\"/>",
                           end_x - 4, y - 4);
            break;
        default:
            fmt::format_to(std::back_inserter(out),
                           "<path d=\"M{0:.1f},{1:.1f} l-7,-5 v10 Z\" fill=\"{2}\"/>", end_x, y,
                           open_colour);
        }
        out += "</g>\n";
    }
    return out + "</svg>\n";
}

} // namespace remedy
