#include "remedy/model/forecast.h"

#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"

#include <algorithm>
#include <string_view>
#include <tuple>

namespace remedy {

namespace {

bool is_open(IssueStatus state) {
    return state == IssueStatus::open || state == IssueStatus::in_progress;
}

} // namespace

std::optional<Forecast> forecast_on(const Plan& plan, const Judgement& j) {
    Forecast forecast;
    forecast.open =
        static_cast<int>(std::count_if(j.issues.begin(), j.issues.end(),
                                       [](const IssueJudgement& i) { return is_open(i.state); }));
    forecast.window_days =
        std::min(plan.warnings.pace_days, days_between(plan.timebox.start, j.as_of));
    if (forecast.open == 0 || forecast.window_days < 7)
        return std::nullopt;
    const date::sys_days window_start = j.as_of - date::days{forecast.window_days};
    for (std::size_t i = 0; i < plan.issues.size(); ++i)
        forecast.resolved +=
            j.issues[i].state == IssueStatus::resolved && *plan.issues[i].resolved > window_start;
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
        j.warnings.push_back(
            {j.forecast->finish ? WarningKind::forecast : WarningKind::stalled, std::nullopt});
    if (plan.warnings.due_within == 0)
        return;
    std::vector<std::size_t> soon;
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const int days = days_between(j.as_of, j.issues[i].dates.effective_due);
        if (j.issues[i].state == IssueStatus::open && days >= 0 && days <= plan.warnings.due_within)
            soon.push_back(i);
    }
    const auto key = [&](std::size_t i) {
        return std::tuple(j.issues[i].dates.effective_due,
                          -static_cast<int>(plan.issues[i].priority),
                          std::string_view(plan.issues[i].id));
    };
    std::sort(soon.begin(), soon.end(),
              [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    for (std::size_t i : soon)
        j.warnings.push_back({WarningKind::due_soon, i});
}

} // namespace remedy
