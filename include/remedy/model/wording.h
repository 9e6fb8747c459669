#pragma once

#include "remedy/model/judgement.h"
#include "remedy/model/lateness.h"
#include "remedy/model/plan.h"
#include "remedy/util/expected.h"

#include <string>
#include <string_view>

namespace remedy {

// The few phrases that reasons, reports and letters share, so they read the same everywhere.

// "1 day", "3 days".
std::string plural(long long count, std::string_view word);

// "1,000,000": a count in a message.
std::string count_text(std::size_t count);

// "NET-1 (critical)".
std::string issue_label(const Issue& issue);

// An issue's effective due date: "2026-10-15", or, where a pause or a day off moved it,
// "2026-10-20 (moved from 2026-10-15)".
std::string due_date_text(const Issue& issue, const IssueDates& dates);

// "1,750.00 USD".
std::string money_text(const Plan& plan, Money amount);

// "43 days left", "the deadline is today", "passed 2 days ago".
std::string days_left_text(int days_left);

// "the contract MSA-2024-017", or "our contract" without a reference.
std::string agreement_text(const Plan& plan);

// The ultimatum as it applies on as_of, in the plan's own numbers, a whole sentence. Incidents
// count strictly after the warning's day and up to the end of the strike window; the sentence
// never says an incident would end anything when none could:
// - before the warning's day: "No incident counts against the ultimatum before its final
//   warning of 2026-11-02.";
// - in the window: "After 2026-11-02 and until 2026-12-14, one more incident of priority high
//   or higher entitles Northwind Traders to terminate the contract MSA-2024-017 (1 of 2 so
//   far)." ("one incident" while there has been none);
// - after it: "The ultimatum's window closed on 2026-12-14: a later incident does not count
//   against it.";
// - once the strikes are reached: "The incidents after 2026-11-02 reached the ultimatum's
//   limit of 2."
std::string strike_rule_text(const Plan& plan, const Judgement& judgement);

// The notes as they stood on as_of: a line that begins with a date after as_of ("2026-10-25,
// reopened: ...", as --note writes them) was written later and is left out, so that a report
// of a past day does not show what was noted after it.
std::string notes_on(std::string_view notes, date::sys_days as_of);

// The index of the issue `id` names, in any case (ids are unique regardless of case); an unknown
// id is the error, "remedy.toml has no issue NTE-1; did you mean NET-1?" when one is near.
Expected<std::size_t> find_issue_index(const Plan& plan, std::string_view id);

} // namespace remedy
