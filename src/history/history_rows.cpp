#include "remedy/history/history_rows.h"

#include "remedy/io/plan_reader.h"
#include "remedy/io/today.h"
#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"
#include "remedy/util/ascii.h"
#include "remedy/util/suggest.h"

#include <algorithm>
#include <date/tz.h>
#include <fmt/format.h>
#include <map>

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
    point.warning_given = j.warning.has_value();
    point.deadline = j.deadline;
    if (j.forecast)
        point.forecast_finish = j.forecast->finish;
    return point;
}

// Keeps, of each commit, the changes `keep` wants, and the commits left with any; no weeks.
template <class Keep> PlanHistory keep_changes(PlanHistory history, Keep keep) {
    std::vector<HistoryPoint> commits;
    for (HistoryPoint& point : history.commits) {
        std::erase_if(point.changes, [&](const RecordChange& change) { return !keep(change); });
        if (!point.changes.empty())
            commits.push_back(std::move(point));
    }
    history.commits = std::move(commits);
    history.weeks.clear();
    return history;
}

} // namespace

PlanHistory build_history(const std::string& file, const std::vector<PlanVersion>& versions,
                          date::sys_days as_of, std::optional<date::sys_days> since) {
    PlanHistory history;
    history.file = file;
    history.as_of = as_of;
    // A commit dated after as_of had not happened on as_of: a report of a past day stays the
    // same however the repository grows.
    std::vector<ReadVersion> reads;
    reads.reserve(versions.size());
    for (const PlanVersion& version : versions) {
        ReadVersion read = read_version(version);
        if (read.day <= as_of)
            reads.push_back(std::move(read));
    }
    if (reads.empty())
        return history;

    date::sys_days first = reads.front().day;
    const Plan* previous_valid = nullptr;
    for (const ReadVersion& read : reads) {
        first = std::min(first, read.day);
        if (!since || read.day >= *since) {
            HistoryPoint point = point_of(read, read.day);
            point.author = read.version->author;
            point.email = read.version->email;
            point.subject = read.version->subject;
            // A version that does not read changes nothing; the next one that reads is
            // compared with the last one that did.
            if (read.plan) {
                point.changes = plan_changes(previous_valid, *read.plan, read.day);
                // Judging the version before again costs as much as judging this one: done
                // only when a change could have moved the money.
                if (previous_valid &&
                    previous_valid->contract.currency == read.plan->contract.currency)
                    point.owed_before =
                        std::any_of(point.changes.begin(), point.changes.end(), can_change_money)
                            ? judge(*previous_valid, read.day).penalties.owed
                            : point.owed;
            }
            history.commits.push_back(std::move(point));
        }
        if (read.plan)
            previous_valid = &*read.plan;
    }
    for (auto read = reads.rbegin(); read != reads.rend(); ++read)
        if (read->plan) {
            history.deadline = judge(*read->plan, read->day).deadline;
            history.client = read->plan->client.name;
            history.provider = read->plan->provider.name;
            break;
        }

    // Each week: the newest version committed by its Sunday; the newest valid one when that one
    // is broken, as the team would still be working to it. In commit order, stable by day, so a
    // rebased commit with an older date still counts on its own day. The week of as_of, if it
    // has not ended, is judged on as_of: its Sunday has not come.
    std::vector<const ReadVersion*> by_day;
    for (const ReadVersion& read : reads)
        by_day.push_back(&read);
    std::stable_sort(by_day.begin(), by_day.end(),
                     [](const ReadVersion* a, const ReadVersion* b) { return a->day < b->day; });
    std::size_t next = 0;
    const ReadVersion* newest = nullptr;
    const ReadVersion* newest_valid = nullptr;
    for (date::sys_days sunday = week_end(first); sunday <= week_end(as_of);
         sunday += date::days{7}) {
        const date::sys_days judged_on = std::min(sunday, as_of);
        for (; next < by_day.size() && by_day[next]->day <= judged_on; ++next) {
            newest = by_day[next];
            if (newest->plan)
                newest_valid = newest;
        }
        if (!newest || (since && sunday < *since))
            continue;
        history.weeks.push_back(point_of(newest_valid ? *newest_valid : *newest, judged_on));
    }
    return history;
}

std::vector<const HistoryPoint*> deadline_moves(const std::vector<HistoryPoint>& commits) {
    std::vector<const HistoryPoint*> moves;
    for (const HistoryPoint& point : commits)
        if (point.valid && (moves.empty() || moves.back()->deadline != point.deadline))
            moves.push_back(&point);
    return moves;
}

std::size_t flagged_changes(const HistoryPoint& commit) {
    return static_cast<std::size_t>(
        std::count_if(commit.changes.begin(), commit.changes.end(),
                      [](const RecordChange& change) { return change.flags != 0; }));
}

PlanHistory flagged_only(PlanHistory history) {
    history.view = HistoryView::flagged;
    return keep_changes(std::move(history),
                        [](const RecordChange& change) { return change.flags != 0; });
}

Expected<PlanHistory> one_issue(PlanHistory history, std::string_view id) {
    // The id as the plan spells it, found in any case; the newest spelling wins.
    const std::string wanted = to_lower_ascii(id);
    std::string spelled;
    std::map<std::string, std::string> known; // lower case -> as spelled
    for (const HistoryPoint& point : history.commits)
        for (const RecordChange& change : point.changes)
            if (change.topic == ChangeTopic::issue) {
                known[to_lower_ascii(change.subject)] = change.subject;
                if (to_lower_ascii(change.subject) == wanted)
                    spelled = change.subject;
            }
    if (spelled.empty()) {
        std::vector<std::string_view> candidates;
        for (const auto& [lower, as_spelled] : known)
            candidates.push_back(lower);
        const auto nearest = nearest_word(wanted, candidates);
        return fail(fmt::format(
            "no commit of {} mentions an issue {}{}", history.file, id,
            nearest ? fmt::format("; did you mean {}?", known.at(std::string(*nearest))) : ""));
    }
    history.view = HistoryView::one_issue;
    history.issue = spelled;
    return keep_changes(std::move(history), [&](const RecordChange& change) {
        return concerns_issue(change, spelled);
    });
}

} // namespace remedy
