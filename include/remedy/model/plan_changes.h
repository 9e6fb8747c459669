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

// What a change is about.
enum class ChangeTopic { plan, issue, incident, extension, pause, credit, terms };

inline constexpr EnumNames<ChangeTopic, 7> change_topics{{{
    {ChangeTopic::plan, "plan"},
    {ChangeTopic::issue, "issue"},
    {ChangeTopic::incident, "incident"},
    {ChangeTopic::extension, "extension"},
    {ChangeTopic::pause, "pause"},
    {ChangeTopic::credit, "credit"},
    {ChangeTopic::terms, "terms"},
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

// Why an auditor must look at a change. A bit set: one change may carry several.
enum ChangeFlag : unsigned {
    flag_backdated = 1u << 0,       // its fact is dated more than 7 days before the commit
    flag_future_dated = 1u << 1,    // its fact is dated after the commit
    flag_rewrites_record = 1u << 2, // it changes or removes what an earlier commit recorded
    flag_contract_terms = 1u << 3,  // it changes the contract's terms
};

inline constexpr EnumNames<ChangeFlag, 4> change_flags{{{
    {flag_backdated, "backdated"},
    {flag_future_dated, "future-dated"},
    {flag_rewrites_record, "rewrites-record"},
    {flag_contract_terms, "contract-terms"},
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
};

// What changed from `before` to `after`, recorded on `recorded_on` (the commit's day in the
// plan's zone). Without `before`, the plan was created (or became readable again): one
// `created` change. Issues are matched by id, the other facts by their id or values.
std::vector<RecordChange> plan_changes(const Plan* before, const Plan& after,
                                       date::sys_days recorded_on);

// The names of the flags set in `flags`, in the table's order: "backdated,rewrites-record".
std::string flag_names(unsigned flags);

// Whether the change concerns the issue `id` (exact id).
bool concerns_issue(const RecordChange& change, std::string_view id);

// Whether the change can change what is owed: false for words only (a title, notes, an
// owner, a summary, a reason, the parties' names), which a judgement never reads for money.
bool can_change_money(const RecordChange& change);

} // namespace remedy
