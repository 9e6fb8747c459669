#pragma once

#include "remedy/model/plan.h"
#include "remedy/util/enum_names.h"

#include <date/date.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// What one commit changed in the plan, in terms a person auditing the record can read: "PRN-1
// resolved on 2026-10-24", "incident of 2026-11-02 (Mail down): priority high -> medium". A pure
// comparison of two plans; the commit's day is given so that each change can be flagged.

// What a change is about; `file`: a file the plan names (holidays, templates, signers).
enum class ChangeTopic { plan, issue, incident, extension, pause, credit, terms, file };

inline constexpr EnumNames<ChangeTopic, 8> change_topics{{{
    {ChangeTopic::plan, "plan"},
    {ChangeTopic::issue, "issue"},
    {ChangeTopic::incident, "incident"},
    {ChangeTopic::extension, "extension"},
    {ChangeTopic::pause, "pause"},
    {ChangeTopic::credit, "credit"},
    {ChangeTopic::terms, "terms"},
    {ChangeTopic::file, "file"},
}}};

enum class ChangeAction {
    created,   // the plan's first version
    added,     // an issue, incident, extension, pause or credit appeared
    removed,   // ... disappeared
    changed,   // one of its values changed (`field`, `before`, `after`)
    started,   // an issue went in_progress
    stopped,   // an issue went from in_progress back to open
    resolved,  // an issue was resolved
    reopened,  // a resolved or waived issue was opened again
    waived,    // an issue was waived
    disputed,  // an incident was disputed
    withdrawn, // an incident was withdrawn
    confirmed, // a disputed or withdrawn incident stands again
};

inline constexpr EnumNames<ChangeAction, 12> change_actions{{{
    {ChangeAction::created, "created"},
    {ChangeAction::added, "added"},
    {ChangeAction::removed, "removed"},
    {ChangeAction::changed, "changed"},
    {ChangeAction::started, "started"},
    {ChangeAction::stopped, "stopped"},
    {ChangeAction::resolved, "resolved"},
    {ChangeAction::reopened, "reopened"},
    {ChangeAction::waived, "waived"},
    {ChangeAction::disputed, "disputed"},
    {ChangeAction::withdrawn, "withdrawn"},
    {ChangeAction::confirmed, "confirmed"},
}}};

// Why an auditor must look at a change or a commit. A bit set: one may carry several. The
// first five are a change's own; the party flags are set on a change by who recorded it
// (fact_owners.h); the last four are a commit's own (SPEC: "A history that dates cannot bend").
enum ChangeFlag : unsigned {
    flag_backdated = 1u << 0,        // its fact is dated more than 7 days before the commit
    flag_future_dated = 1u << 1,     // its fact is dated after the commit
    flag_rewrites_record = 1u << 2,  // it changes or removes what an earlier commit recorded
    flag_contract_terms = 1u << 3,   // it changes the contract's terms (a holidays or signers file)
    flag_letter_templates = 1u << 4, // it changes the letters' templates
    flag_other_party = 1u << 5,      // a client's decision in a commit of the provider
    flag_unknown_author = 1u << 6,   // a client's decision in a commit of neither party
    flag_unsigned = 1u << 7,         // the commit has no good signature while signers are set
    flag_dated_before_parent = 1u << 8, // the commit is dated before its parent
    flag_dated_ahead = 1u << 9,         // the commit is dated after the day history is read
    flag_plan_is_link = 1u << 10,       // the commit made the plan a symbolic link
};

inline constexpr EnumNames<ChangeFlag, 11> change_flags{{{
    {flag_backdated, "backdated"},
    {flag_future_dated, "future-dated"},
    {flag_rewrites_record, "rewrites-record"},
    {flag_contract_terms, "contract-terms"},
    {flag_letter_templates, "letter-templates"},
    {flag_other_party, "other-party"},
    {flag_unknown_author, "unknown-author"},
    {flag_unsigned, "unsigned"},
    {flag_dated_before_parent, "dated-before-parent"},
    {flag_dated_ahead, "dated-ahead"},
    {flag_plan_is_link, "plan-is-link"},
}}};

// A fact may be recorded this many days after its date without being flagged as backdated: a
// plan kept weekly records a Monday's resolution by the next Monday.
inline constexpr date::days backdate_tolerance{7};

struct RecordChange {
    ChangeTopic topic = ChangeTopic::plan;
    ChangeAction action = ChangeAction::changed;
    std::string subject; // the issue's or incident's id; for the others, what names them
    std::string field;   // for `changed`: the value's key, e.g. "due", "per_day.high"
    std::string before;  // the value before, as the plan would write it; empty when none
    std::string after;   // the value after; empty when none
    std::optional<date::sys_days> dated; // the date the recorded fact itself carries
    unsigned flags = 0;                  // ChangeFlag bits
    std::string text;                    // the change in words, plan text unescaped
    std::string why;                     // the flags in words: "dated 32 days before its commit"
    // The incident's status after the change, for a change of its `dispute`: the reason of a
    // withdrawal is the client's, that of a dispute the provider's (fact_owners.h).
    std::string state;
    // For a pause: the issues it names (none: every issue). The history narrows it to the
    // issues whose due date the change moved, so that one issue's story shows its pauses.
    std::vector<std::string> issues;
};

// What changed from `before` to `after`, recorded on `recorded_on` (the commit's day in the
// plan's zone). Without `before`, the plan was created (or became readable again): one
// `created` change. Issues are matched by id, the other facts by their id or values.
std::vector<RecordChange> plan_changes(const Plan* before, const Plan& after,
                                       date::sys_days recorded_on);

// A file the plan names, as one version of the repository holds it.
struct NamedFile {
    std::string key;    // the plan's key that names it: "calendar.holidays_file", ...
    std::string path;   // as the plan writes it, relative to the plan's folder
    std::string object; // git's object id of its content (a tree for a folder); empty: none

    bool operator==(const NamedFile&) const = default;
};

// The files named by `before` and `after` whose content changed, each one change: flagged
// `contract-terms` (holidays, signers) or `letter-templates` (the templates folder).
std::vector<RecordChange> file_changes(const std::vector<NamedFile>& before,
                                       const std::vector<NamedFile>& after);

// The names of the flags set in `flags`, in the table's order: "backdated,rewrites-record".
std::string flag_names(unsigned flags);

// Whether the change concerns the issue `id`: a change of that issue (exact id), or a pause
// whose `issues` name it (in any case).
bool concerns_issue(const RecordChange& change, std::string_view id);

// Whether the change can change what is owed: false for words only (a title, notes, an
// owner, a summary, a reason, the parties' names), which a judgement never reads for money.
bool can_change_money(const RecordChange& change);

} // namespace remedy
