#pragma once

#include "remedy/history/plan_history.h"
#include "remedy/model/fact_owners.h"
#include "remedy/model/money.h"
#include "remedy/model/plan_changes.h"
#include "remedy/model/verdict.h"
#include "remedy/util/expected.h"

#include <date/date.h>
#include <optional>
#include <string>
#include <vector>

namespace remedy {

// How one version of the plan stood on one day.
struct HistoryPoint {
    date::sys_days day;
    std::string commit; // the version judged
    std::string path;   // its path in the repository
    std::string author; // of the commit; empty on a week's row
    std::string email;
    std::string committer; // who committed it, when not the author
    std::string committer_email;
    std::string subject;                  // the commit message's first line
    std::vector<RecordChange> changes;    // what the commit changed; empty on a week's row
    std::vector<SideCommit> side_commits; // a merge's: the commits it brought in
    // The commit's own flags (unsigned, dated-before-parent, dated-ahead, plan-is-link) and why.
    unsigned flags = 0;
    std::string why;
    // The day the committer's date gives, when the commit is judged on another (its parent's,
    // or today's): what the pusher claimed.
    std::optional<date::sys_days> dated;
    // Whose the commit is, by the people lists (and signers) of the version before it; not
    // set when authorship is not checked. `signer`: the principal of a good signature.
    std::optional<Party> party;
    std::string signer;
    // What is owed on the commit's day by the version before it that reads, when it was in the
    // same currency: `owed` minus this is what the commit itself changed.
    std::optional<Money> owed_before;
    bool valid = false;
    std::string error; // the first error of an invalid version
    Verdict verdict = Verdict::on_track;
    int issues = 0;
    int open = 0; // not resolved and not waived on the day
    int overdue = 0;
    Money owed;
    int minor_digits = 2;
    std::string currency;
    int strikes = 0;
    int strike_limit = 1;
    bool warning_given = true; // before the final warning, its limit is not stated
    std::optional<date::sys_days> deadline;
    // The day the open issues would be done at the pace of the weeks before (none: no
    // forecast, or nothing resolved lately), so that a chart shows whether it drifted.
    std::optional<date::sys_days> forecast_finish;
};

// Which commits and changes a history shows.
enum class HistoryView {
    everything, // every commit, every change, and the weekly burndown
    flagged,    // only the changes that carry a flag, and the commits that made them
    one_issue,  // only the changes to one issue: its story
};

struct PlanHistory {
    std::string file; // the plan as the user named it
    HistoryView view = HistoryView::everything;
    std::string issue;                 // the issue of a one_issue view, as the plan spells its id
    std::vector<HistoryPoint> commits; // one per commit that changed the plan, oldest first
    // One per week (Monday to Sunday), judged on its Sunday; the week of as_of, when it has
    // not ended, judged on as_of (`day` is then as_of, not the Sunday).
    std::vector<HistoryPoint> weeks;
    std::optional<date::sys_days> deadline; // of the newest valid version
    std::string client;                     // the parties, as the newest valid version names them
    std::string provider;
    date::sys_days as_of;
    // Commits dated after a past as_of, left out (a history of a past day does not grow).
    std::size_t left_out = 0;
    // Whether the newest valid version names [client] people, so that who recorded what is
    // checked; and [audit] signers, so that signatures are.
    bool authorship_checked = false;
    bool signatures_checked = false;
};

// Whether a history leaves out the commits made after the day it is read to.
enum class LaterCommits {
    left_out, // a history of a day asked about (--as-of): it does not grow with the repository
    shown,    // a history of today, or a range asked for by name: every commit of it
};

// The day a history is read to, and what it does with later commits. A commit dated after
// `as_of` is dated ahead; with `left_out`, the commits after the last one dated on or before it
// had not been made that day and are left out.
// Whether a history judges its weeks, or only its commits (the last commit's warning and
// `check --commits`: with no --as-of to end them, the weeks would run to the year 9999).
enum class Weeks { judged, skipped };

struct HistoryDays {
    date::sys_days as_of;
    LaterCommits later = LaterCommits::shown;
    Weeks weeks = Weeks::judged;
};
// Judges each version of `record` shown (from record.first_shown) on its day, in graph order:
// the committer date in the client's zone, never before its parent's day (else flagged
// dated-before-parent and judged on that day), never after as_of (else flagged dated-ahead and
// judged on the earliest day a commit after it claims, or on as_of). With LaterCommits::left_out
// the commits after the last one dated on or before as_of are left out (a history of a day asked
// about does not grow). Lists what each changed from the version before it that reads, in the
// plan and in the files it names, flags what the rules of that version say its party may not
// record, and judges the newest valid version of each week on that week's Sunday (on as_of for
// as_of's week). With `since`, only commits on or after it, and weeks ending on or after it, are
// kept.
PlanHistory build_history(const std::string& file, const PlanRecord& record,
                          const HistoryDays& days,
                          std::optional<date::sys_days> since = std::nullopt);

// The valid commits whose deadline differs from the valid commit before them (the first
// valid commit included): where each version set a new deadline.
std::vector<const HistoryPoint*> deadline_moves(const std::vector<HistoryPoint>& commits);

// How many of the commit's changes carry a flag.
std::size_t flagged_changes(const HistoryPoint& commit);

// Whether the commit or one of its changes carries a flag.
bool is_flagged(const HistoryPoint& commit);

// The flagged view of `history`: the commits that carry a flag or have a flagged change, only
// those changes, no weeks.
PlanHistory flagged_only(PlanHistory history);

// The story of the issue `id` (in any case): the commits that changed it, only those changes,
// no weeks. An id that no commit mentions is the error, with the nearest one if any.
Expected<PlanHistory> one_issue(PlanHistory history, std::string_view id);

} // namespace remedy
