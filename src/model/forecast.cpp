#include "remedy/model/forecast.h"

#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"
#include "remedy/model/wording.h"

#include <algorithm>
#include <fmt/format.h>
#include <string_view>
#include <tuple>

namespace remedy {

namespace {

bool is_open(IssueStatus state) {
    return state == IssueStatus::open || state == IssueStatus::in_progress;
}

// "the 4 open issues", "the open issue".
std::string open_issues(int count) {
    return count == 1 ? "the open issue" : fmt::format("the {} open issues", count);
}

Warning forecast_warning(const Forecast& forecast, date::sys_days deadline) {
    if (!forecast.finish)
        return {WarningKind::stalled, std::nullopt,
                fmt::format("no issue resolved in the last {}; {} still open",
                            plural(forecast.window_days, "day"), forecast.open)};
    return {WarningKind::forecast, std::nullopt,
            fmt::format("at the pace of the last {}, {} resolved, {} would be done around {}, "
                        "{} after the deadline",
                        plural(forecast.window_days, "day"), forecast.resolved,
                        open_issues(forecast.open), format_iso_date(*forecast.finish),
                        plural(days_between(deadline, *forecast.finish), "day"))};
}

std::string due_soon_text(const Issue& issue, const IssueDates& dates, date::sys_days as_of) {
    const int days = days_between(as_of, dates.effective_due);
    return fmt::format("{} is due {} ({}) and not started", issue_label(issue),
                       days == 0 ? std::string("today") : "in " + plural(days, "day"),
                       format_iso_date(dates.effective_due));
}

} // namespace

std::optional<Forecast> forecast_on(const Plan& plan, const Judgement& j) {
    Forecast forecast;
    forecast.open = static_cast<int>(std::count_if(
        j.issues.begin(), j.issues.end(), [](const IssueJudgement& i) { return is_open(i.state); }));
    forecast.window_days =
        std::min(plan.warnings.pace_days, days_between(plan.timebox.start, j.as_of));
    if (forecast.open == 0 || forecast.window_days < 7)
        return std::nullopt;
    const date::sys_days window_start = j.as_of - date::days{forecast.window_days};
    for (std::size_t i = 0; i < plan.issues.size(); ++i)
        forecast.resolved += j.issues[i].state == IssueStatus::resolved &&
                             *plan.issues[i].resolved > window_start;
    if (forecast.resolved == 0)
        return forecast;
    // ceil(open x window / resolved), in whole days.
    const long long work = static_cast<long long>(forecast.open) * forecast.window_days;
    const long long days = (work + forecast.resolved - 1) / forecast.resolved;
    forecast.finish = j.as_of + date::days{days};
    forecast.after_deadline = *forecast.finish > j.deadline;
    return forecast;
}

void add_warnings(const Plan& plan, Judgement& j) {
    j.forecast.reset();
    j.warnings.clear();
    if (j.verdict != Verdict::on_track && j.verdict != Verdict::at_risk)
        return;
    j.forecast = forecast_on(plan, j);
    if (j.forecast && (!j.forecast->finish || j.forecast->after_deadline))
        j.warnings.push_back(forecast_warning(*j.forecast, j.deadline));
    if (plan.warnings.due_within == 0)
        return;
    std::vector<std::size_t> soon;
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const int days = days_between(j.as_of, j.issues[i].dates.effective_due);
        if (j.issues[i].state == IssueStatus::open && days >= 0 &&
            days <= plan.warnings.due_within)
            soon.push_back(i);
    }
    const auto key = [&](std::size_t i) {
        return std::tuple(j.issues[i].dates.effective_due, -static_cast<int>(plan.issues[i].priority),
                          std::string_view(plan.issues[i].id));
    };
    std::sort(soon.begin(), soon.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    for (std::size_t i : soon)
        j.warnings.push_back(
            {WarningKind::due_soon, i, due_soon_text(plan.issues[i], j.issues[i].dates, j.as_of)});
}

} // namespace remedy
