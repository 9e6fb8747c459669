#include "remedy/history/history_rows.h"

#include "remedy/io/plan_reader.h"
#include "remedy/io/today.h"
#include "remedy/model/judgement.h"

#include <algorithm>
#include <date/tz.h>

namespace remedy {

namespace {

struct ReadVersion {
    const PlanVersion* version;
    std::optional<Plan> plan;
    std::string error;
    date::sys_days day;
};

ReadVersion read_version(const PlanVersion& version) {
    ReadVersion read{&version, std::nullopt, {}, {}};
    if (!version.text) {
        read.error = "the plan does not exist at this commit";
    } else {
        LoadResult loaded = read_plan(*version.text, version.path);
        read.plan = std::move(loaded.plan);
        for (const Diagnostic& diagnostic : loaded.diagnostics)
            if (diagnostic.severity == Severity::error) {
                read.error = to_string(diagnostic);
                break;
            }
    }
    read.day = day_in_zone(read.plan ? read.plan->client.timezone : "UTC", version.committed);
    return read;
}

HistoryPoint point_of(const ReadVersion& read, date::sys_days day) {
    HistoryPoint point;
    point.day = day;
    point.commit = read.version->commit;
    point.path = read.version->path;
    if (!read.plan) {
        point.error = read.error;
        return point;
    }
    const Plan& plan = *read.plan;
    const Judgement j = judge(plan, day);
    point.valid = true;
    point.verdict = j.verdict;
    point.issues = static_cast<int>(plan.issues.size());
    for (const IssueJudgement& issue : j.issues) {
        if (issue.state == IssueStatus::open || issue.state == IssueStatus::in_progress)
            ++point.open;
        if (issue.overdue)
            ++point.overdue;
    }
    point.owed = j.penalties.owed;
    point.minor_digits = plan.contract.minor_digits;
    point.currency = plan.contract.currency;
    point.strikes = static_cast<int>(j.strikes.size());
    point.strike_limit = j.strike_limit;
    point.deadline = j.deadline;
    if (j.forecast)
        point.forecast_finish = j.forecast->finish;
    return point;
}

// The Sunday that ends the (Monday to Sunday) week of `day`.
date::sys_days week_end(date::sys_days day) {
    const date::weekday weekday{day};
    const unsigned from_monday = (weekday.c_encoding() + 6) % 7;
    return day + date::days{6 - static_cast<int>(from_monday)};
}

} // namespace

PlanHistory build_history(const std::string& file, const std::vector<PlanVersion>& versions,
                          std::optional<date::sys_days> since) {
    PlanHistory history;
    history.file = file;
    if (versions.empty())
        return history;
    std::vector<ReadVersion> reads;
    reads.reserve(versions.size());
    for (const PlanVersion& version : versions)
        reads.push_back(read_version(version));

    date::sys_days first = reads.front().day;
    date::sys_days last = first;
    for (const ReadVersion& read : reads) {
        first = std::min(first, read.day);
        last = std::max(last, read.day);
        if (!since || read.day >= *since)
            history.commits.push_back(point_of(read, read.day));
    }
    for (auto read = reads.rbegin(); read != reads.rend(); ++read)
        if (read->plan) {
            history.deadline = judge(*read->plan, read->day).deadline;
            break;
        }

    // Each week: the newest version committed by its Sunday; the newest valid one when that one
    // is broken, as the team would still be working to it. In commit order, stable by day, so a
    // rebased commit with an older date still counts on its own day.
    std::vector<const ReadVersion*> by_day;
    for (const ReadVersion& read : reads)
        by_day.push_back(&read);
    std::stable_sort(by_day.begin(), by_day.end(),
                     [](const ReadVersion* a, const ReadVersion* b) { return a->day < b->day; });
    std::size_t next = 0;
    const ReadVersion* newest = nullptr;
    const ReadVersion* newest_valid = nullptr;
    for (date::sys_days sunday = week_end(first); sunday <= week_end(last);
         sunday += date::days{7}) {
        for (; next < by_day.size() && by_day[next]->day <= sunday; ++next) {
            newest = by_day[next];
            if (newest->plan)
                newest_valid = newest;
        }
        if (!newest || (since && sunday < *since))
            continue;
        history.weeks.push_back(point_of(newest_valid ? *newest_valid : *newest, sunday));
    }
    return history;
}

} // namespace remedy
