#pragma once

#include "remedy/model/plan.h"
#include "remedy/util/expected.h"

#include <date/date.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// A change to a plan file: its new text, and the one line that tells the user what changed.
// Each is a small edit where the value lives (toml++ reports where each value starts and ends);
// everything else in the text stays byte for byte: comments, order, quoting, line endings.
// Recording a fact the plan already holds (the same resolution day, the same incident) changes
// nothing: the text is the plan's own, and the summary says that the fact is already there, so
// that a script may record a fact twice.
struct PlanChange {
    std::string text;
    std::string summary;
};

// The change that changes nothing, because `summary`'s fact is already recorded.
PlanChange already_recorded(std::string_view text, std::string summary);

// `plan` is `text` as read (valid); the functions refuse what makes no sense for the issue's
// state, and change nothing for a fact already recorded as asked (resolved on that day, already
// in progress, waived on that day for that reason); the same fact on another day stays a
// refusal. The caller re-reads the new text, so every rule of the format still holds after it.
//
// Ids are matched in any case, as people type them; an unknown id is refused with the nearest
// one ("did you mean NET-1?"). A `note` that is not empty is kept in the notes of the issue or
// incident as a line "2026-10-19, resolved: NOTE", after what is there: the evidence a side
// gives for the fact it records.
Expected<PlanChange> resolve_issue(const Plan& plan, std::string_view text, std::string_view id,
                                   date::sys_days on, std::string_view note);
// In progress.
Expected<PlanChange> start_issue(const Plan& plan, std::string_view text, std::string_view id,
                                 date::sys_days on, std::string_view note);

// A resolved (or waived) issue set back to open on `on`, with the reason in its notes. By
// default the days a resolved issue stood resolved (the day after its resolution to the day
// before `on`) become a [[pause]] of that issue, agreed from its first day: the provider is not
// charged for days everyone believed it fixed, and gets the rest of its time. `never_fixed`
// instead removes the resolution as if it had never been recorded.
struct Reopening {
    date::sys_days on;
    std::string reason;
    bool never_fixed = false;
    std::string note;
};
Expected<PlanChange> reopen_issue(const Plan& plan, std::string_view text, std::string_view id,
                                  const Reopening& reopening);
// Waived from `on` (the issue owes what it owed that day).
Expected<PlanChange> waive_issue(const Plan& plan, std::string_view text, std::string_view id,
                                 std::string_view reason, date::sys_days on, std::string_view note);
// The issue's table removed whole: for an issue entered by mistake. Refused while a pause names
// it.
Expected<PlanChange> remove_issue(const Plan& plan, std::string_view text, std::string_view id);

// The values `set` changes; a field left empty is not touched, and an empty owner, category,
// notes or ticket removes the key.
struct IssueFields {
    std::optional<std::string> title;
    std::optional<Priority> priority;
    std::optional<date::sys_days> due;
    std::optional<std::string> owner;
    std::optional<std::string> category;
    std::optional<std::string> notes;
    std::optional<std::string> ticket;
};
Expected<PlanChange> set_issue(const Plan& plan, std::string_view text, std::string_view id,
                               const IssueFields& fields);

// A new [[incident]] on `on`, with its `id` when one is given (unique among incidents, which
// the re-read checks).
Expected<PlanChange> add_incident(const Plan& plan, std::string_view text, Priority priority,
                                  std::string_view summary, date::sys_days on,
                                  std::string_view note, std::string_view id = {});
Expected<PlanChange> add_extension(const Plan& plan, std::string_view text, int days,
                                   std::string_view reason, date::sys_days agreed);

// A [[pause]] of the issues named (every issue when none is; ids in any case), agreed on
// `agreed`.
struct NewPause {
    date::sys_days from;
    date::sys_days to;
    std::vector<std::string> issues;
    std::string reason;
    std::optional<date::sys_days> agreed; // none: the pause is agreed from its first day
};
Expected<PlanChange> add_pause(const Plan& plan, std::string_view text, const NewPause& pause);

// An incident as a command names it: its id, or its date ("2026-11-08"), with a summary to pick
// one of several incidents of that day.
struct IncidentName {
    std::string id_or_date;
    std::string summary; // empty: the only incident of that date
};
// The incident's status set to disputed or withdrawn on `on`, with the reason: `disputed` or
// `withdrawn` = on, from which day it counts (a withdrawal replaces a dispute: its `disputed`
// goes). A note is stamped with `on`.
Expected<PlanChange> contest_incident(const Plan& plan, std::string_view text,
                                      const IncidentName& incident, IncidentStatus status,
                                      std::string_view reason, date::sys_days on,
                                      std::string_view note);

// The final warning given on `on` (`remedy warn`): [ultimatum] issued = on, `given` removed, and
// the terms given set. Refused when the warning is already given, or the plan has no
// [ultimatum] (then the notice was the warning).
struct FinalWarning {
    date::sys_days on;
    std::optional<int> strikes;
    std::optional<Priority> severity;
    std::optional<date::sys_days> until;
};
Expected<PlanChange> give_warning(const Plan& plan, std::string_view text,
                                  const FinalWarning& warning);

// A [[credit]] of `amount` (a decimal, as the plan writes money) booked on `invoice`.
struct NewCredit {
    date::sys_days date;
    std::string amount;
    std::string invoice;
    std::string note;
};
Expected<PlanChange> add_credit(const Plan& plan, std::string_view text, const NewCredit& credit);

struct NewIssue {
    std::string id; // empty: the next free one, from the category's ids or "ISSUE"
    std::string title;
    Priority priority = Priority::medium;
    date::sys_days due;
    std::string category;
    std::string owner;
    std::string notes;
    std::string ticket;
};
Expected<PlanChange> add_issue(const Plan& plan, std::string_view text, const NewIssue& issue);

// `remedy config`: the plan's settings, each by its dotted name as the format writes it
// ("penalties.per_day.high"): every key outside the issues and the dated facts. A value is
// written as its kind wants (a string, an amount as a string, a whole number, true or false,
// a date, a list); a rate replaces the key the file uses for its priority, alias or not; a
// table the plan lacks is appended.
std::vector<std::string> setting_names();
Expected<PlanChange> set_setting(const Plan& plan, std::string_view text, std::string_view name,
                                 const std::vector<std::string>& values);
Expected<PlanChange> unset_setting(const Plan& plan, std::string_view text, std::string_view name);
// The value as the file writes it; empty when the plan does not set it.
Expected<std::string> setting_text(const Plan& plan, std::string_view text, std::string_view name);

} // namespace remedy
