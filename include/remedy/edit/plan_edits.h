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
struct PlanChange {
    std::string text;
    std::string summary;
};

// `plan` is `text` as read (valid); the functions refuse what makes no sense for the issue's
// state. The caller re-reads the new text, so every rule of the format still holds after it.
Expected<PlanChange> resolve_issue(const Plan& plan, std::string_view text, std::string_view id,
                                   date::sys_days on);
Expected<PlanChange> reopen_issue(const Plan& plan, std::string_view text, std::string_view id);
// Waived from `on` (the issue owes what it owed that day).
Expected<PlanChange> waive_issue(const Plan& plan, std::string_view text, std::string_view id,
                                 std::string_view reason, date::sys_days on);
Expected<PlanChange> add_incident(const Plan& plan, std::string_view text, Priority priority,
                                  std::string_view summary, date::sys_days on);
Expected<PlanChange> add_extension(const Plan& plan, std::string_view text, int days,
                                   std::string_view reason, date::sys_days agreed);

// A [[pause]] of the issues named (every issue when none is), agreed on `agreed`.
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
// The incident's status set to disputed or withdrawn, with the reason.
Expected<PlanChange> contest_incident(const Plan& plan, std::string_view text,
                                      const IncidentName& incident, IncidentStatus status,
                                      std::string_view reason);

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
};
Expected<PlanChange> add_issue(const Plan& plan, std::string_view text, const NewIssue& issue);

} // namespace remedy
