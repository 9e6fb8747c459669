#pragma once

#include "remedy/model/plan.h"
#include "remedy/util/expected.h"

#include <date/date.h>
#include <string>
#include <string_view>

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
Expected<PlanChange> waive_issue(const Plan& plan, std::string_view text, std::string_view id,
                                 std::string_view reason);
Expected<PlanChange> add_incident(const Plan& plan, std::string_view text, Priority priority,
                                  std::string_view summary, date::sys_days on);
Expected<PlanChange> add_extension(const Plan& plan, std::string_view text, int days,
                                   std::string_view reason, date::sys_days agreed);

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
