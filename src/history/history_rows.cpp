#include "remedy/history/history_rows.h"

#include "commit_days.h"
#include "commit_details.h"
#include "remedy/io/today.h"
#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"
#include "remedy/util/ascii.h"
#include "remedy/util/suggest.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <set>

namespace remedy {

namespace {

// A shown version, with the day it is judged on.
struct ReadVersion {
    const PlanVersion* version;
    const Plan* plan; // null: it does not read
    std::string error;
    date::sys_days day;   // judged on
    date::sys_days dated; // the committer date's day
    unsigned flags = 0;   // dated-before-parent, dated-ahead
};

std::string first_error(const PlanVersion& version) {
    if (version.loaded)
        for (const Diagnostic& diagnostic : version.loaded->diagnostics)
            if (diagnostic.severity == Severity::error)
                return to_string(diagnostic);
    return version.error;
}

ReadVersion read_version(const PlanVersion& version, const CommitDay& day) {
    return {&version, version.plan(), first_error(version), day.day, day.dated, day.flags};
}

HistoryPoint point_of(const ReadVersion& read, date::sys_days day) {
    HistoryPoint point;
    point.day = day;
    point.commit = read.version->info.commit;
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

// Narrows each pause change to the issues whose effective due date the commit moved (judged
// on the day the pauses it records take effect), among those the pause names.
void narrow_pauses(std::vector<RecordChange>& changes, const Plan& before, const Plan& after,
                   date::sys_days day) {
    date::sys_days on = day;
    bool any = false;
    for (const RecordChange& change : changes)
        if (change.topic == ChangeTopic::pause) {
            any = true;
            if (change.dated)
                on = std::max(on, *change.dated);
        }
    if (!any)
        return;
    const Judgement was = judge(before, on);
    const Judgement now = judge(after, on);
    std::map<std::string, date::sys_days> due_before;
    for (std::size_t i = 0; i < before.issues.size(); ++i)
        due_before[to_lower_ascii(before.issues[i].id)] = was.issues[i].dates.effective_due;
    std::vector<std::string> moved;
    for (std::size_t i = 0; i < after.issues.size(); ++i) {
        const auto found = due_before.find(to_lower_ascii(after.issues[i].id));
        if (found != due_before.end() && found->second != now.issues[i].dates.effective_due)
            moved.push_back(after.issues[i].id);
    }
    for (RecordChange& change : changes) {
        if (change.topic != ChangeTopic::pause)
            continue;
        std::set<std::string> named;
        for (const std::string& id : change.issues)
            named.insert(to_lower_ascii(id));
        std::vector<std::string> kept;
        for (const std::string& id : moved)
            if (named.empty() || named.count(to_lower_ascii(id)))
                kept.push_back(id);
        change.issues = std::move(kept);
    }
}

// Whose the commit is, by the rules it was recorded under, and the flags that follow.
void judge_recorder(HistoryPoint& point, const PlanVersion& version, const Plan& rules) {
    Party party = Party::unknown;
    std::string who;
    if (!rules.audit.signers.empty()) {
        if (version.signature && version.signature->good()) {
            point.signer = version.signature->signer;
            party = party_of(rules, point.signer);
            who = fmt::format("signed by {}", point.signer);
        } else {
            point.flags |= flag_unsigned;
            who = "no good signature";
        }
    } else {
        party = party_of(rules, point.email);
        who =
            point.email.empty() ? point.author : fmt::format("{} <{}>", point.author, point.email);
    }
    if (!checks_authorship(rules))
        return;
    point.party = party;
    flag_recorders(point.changes, party, who);
}

std::string commit_why(const HistoryPoint& point, const ReadVersion& read) {
    std::vector<std::string> why;
    if (point.flags & flag_dated_before_parent)
        why.push_back(fmt::format("dated {}, before the commit before it: judged on {}",
                                  format_iso_date(read.dated), format_iso_date(read.day)));
    if (point.flags & flag_dated_ahead)
        why.push_back(fmt::format("dated {}, after the day the history is read to: judged on {}",
                                  format_iso_date(read.dated), format_iso_date(read.day)));
    if (point.flags & flag_plan_is_link)
        why.emplace_back("made the plan a symbolic link, read through it");
    if (point.flags & flag_unsigned)
        why.emplace_back("no good signature by a key of the signers file");
    std::string out;
    for (const std::string& part : why)
        out += (out.empty() ? "" : "; ") + part;
    return out;
}

// The point of one shown version: its day, its figures, what it changed and who it was by.
HistoryPoint commit_point(const std::vector<PlanVersion>& versions, std::size_t at,
                          const ReadVersion& read) {
    const PlanVersion& version = versions[at];
    HistoryPoint point = point_of(read, read.day);
    point.author = version.info.author;
    point.email = version.info.email;
    if (version.info.committer != version.info.author ||
        version.info.committer_email != version.info.email) {
        point.committer = version.info.committer;
        point.committer_email = version.info.committer_email;
    }
    point.subject = version.info.subject;
    point.side_commits = version.side_commits;
    for (SideCommit& side : point.side_commits)
        side.day = day_of_commit(read.plan ? read.plan->client.timezone : "UTC", side.committed);
    point.flags = read.flags;
    if (read.flags & (flag_dated_before_parent | flag_dated_ahead))
        point.dated = read.dated;
    if (version.plan_is_link && (at == 0 || !versions[at - 1].plan_is_link))
        point.flags |= flag_plan_is_link;
    const PlanVersion* rules = rules_of(versions, at);
    const Plan* before = rules && rules != &version ? rules->plan() : nullptr;
    // A version that does not read changes nothing; the next one that reads is compared with
    // the last one that did.
    if (read.plan) {
        point.changes = plan_changes(before, *read.plan, read.day);
        if (before) {
            for (RecordChange& change : file_changes(rules->files, version.files))
                point.changes.push_back(std::move(change));
            narrow_pauses(point.changes, *before, *read.plan, read.day);
        }
        // Judging the version before again costs as much as judging this one: done only when
        // a change could have moved the money.
        if (before && before->contract.currency == read.plan->contract.currency)
            point.owed_before =
                std::any_of(point.changes.begin(), point.changes.end(), can_change_money)
                    ? judge(*before, read.day).penalties.owed
                    : point.owed;
    }
    if (rules)
        judge_recorder(point, version, *rules->plan());
    point.why = commit_why(point, read);
    return point;
}

// Keeps, of each commit, the changes `keep` wants, and the commits left with any (or, when
// `own_flags`, with a flag of their own); no weeks.
enum class OwnFlags { keep, ignore };
template <class Keep> PlanHistory keep_changes(PlanHistory history, Keep keep, OwnFlags own_flags) {
    std::vector<HistoryPoint> commits;
    for (HistoryPoint& point : history.commits) {
        std::erase_if(point.changes, [&](const RecordChange& change) { return !keep(change); });
        if (!point.changes.empty() || (own_flags == OwnFlags::keep && point.flags))
            commits.push_back(std::move(point));
    }
    history.commits = std::move(commits);
    history.weeks.clear();
    return history;
}

} // namespace

PlanHistory build_history(const std::string& file, const PlanRecord& record,
                          const HistoryDays& days, std::optional<date::sys_days> since) {
    PlanHistory history;
    history.file = file;
    history.as_of = days.as_of;
    const std::vector<PlanVersion>& versions = record.versions;
    const std::vector<CommitDay> judged_on = version_days(record, days);
    std::vector<ReadVersion> reads;
    for (std::size_t at = record.first_shown; at < judged_on.size(); ++at)
        reads.push_back(read_version(versions[at], judged_on[at]));
    history.left_out = versions.size() - judged_on.size();
    if (reads.empty())
        return history;

    for (std::size_t i = 0; i < reads.size(); ++i)
        if (!since || reads[i].day >= *since)
            history.commits.push_back(commit_point(versions, record.first_shown + i, reads[i]));
    for (auto read = reads.rbegin(); read != reads.rend(); ++read)
        if (read->plan) {
            history.deadline = judge(*read->plan, read->day).deadline;
            history.client = read->plan->client.name;
            history.provider = read->plan->provider.name;
            history.authorship_checked = checks_authorship(*read->plan);
            history.signatures_checked = !read->plan->audit.signers.empty();
            break;
        }

    // Each week: the newest version committed by its Sunday; the newest valid one when that one
    // is broken, as the team would still be working to it. Days never go back along the line,
    // so the versions come in the order of their days. The weeks start with the first commit's,
    // or the time box's when that is later: before it nothing runs. The week of as_of, if it
    // has not ended, is judged on as_of: its Sunday has not come.
    if (days.weeks == Weeks::skipped)
        return history;
    date::sys_days first = reads.front().day;
    if (history.deadline)
        for (auto read = reads.rbegin(); read != reads.rend(); ++read)
            if (read->plan) {
                first = std::max(first, read->plan->timebox.start);
                break;
            }
    std::size_t next = 0;
    const ReadVersion* newest = nullptr;
    const ReadVersion* newest_valid = nullptr;
    for (date::sys_days sunday = week_end(first); sunday <= week_end(days.as_of);
         sunday += date::days{7}) {
        const date::sys_days judged_on = std::min(sunday, days.as_of);
        for (; next < reads.size() && reads[next].day <= judged_on; ++next) {
            newest = &reads[next];
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

bool is_flagged(const HistoryPoint& commit) {
    return commit.flags != 0 || flagged_changes(commit) > 0;
}

PlanHistory flagged_only(PlanHistory history) {
    history.view = HistoryView::flagged;
    return keep_changes(
        std::move(history), [](const RecordChange& change) { return change.flags != 0; },
        OwnFlags::keep);
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
    return keep_changes(
        std::move(history),
        [&](const RecordChange& change) { return concerns_issue(change, spelled); },
        OwnFlags::ignore);
}

} // namespace remedy
