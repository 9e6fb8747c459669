#pragma once

// The judgement in words. The model gives facts (kinds, ids, amounts, dates, months); these
// functions word them, once, for every channel (status, verdict, check, CI reports, JSON's
// texts, letters, the report, the calendar), so that a sentence and the JSON figures of the same
// day cannot disagree: a sentence names only figures the judgement holds.

#include "remedy/model/judgement.h"

#include <date/date.h>
#include <string>
#include <vector>

namespace remedy {

// --- issues and the time box (judgement_words.cpp) ---

// An issue's effective due date: "2026-10-15", or, where a pause or a day off moved it,
// "2026-10-20 (moved from 2026-10-15)".
std::string due_date_text(const Issue& issue, const IssueDates& dates);

// "43 days left", "the deadline is today", "passed 2 days ago".
std::string days_left_text(int days_left);

// "the contract MSA-2024-017", or "our contract" without a reference.
std::string agreement_text(const Plan& plan);

// "A, B and C" ("A" alone, "" for none).
std::string list_text(const std::vector<std::string>& items);

// "2026-10": a calendar month as statements and JSON name it.
std::string month_text(date::year_month month);

// "6 days" on a calendar-day contract, "4 working days" on a working-day one: how late an issue
// was resolved, in the days the contract counts.
std::string late_by_text(const Plan& plan, const IssueJudgement& judged);

// "3 days" overdue, in calendar days; on a working-day contract followed by the working days
// that count, "10 days (6 working days)", so that the contract's own count is in the sentence.
std::string overdue_text(const Plan& plan, const IssueJudgement& judged);

// A reason of the verdict in words: "NET-1 (critical) is 3 days overdue", "strike 1 of 2: high
// incident on 2026-11-05, after the warning of 2026-11-02: Email down (disputed by Acme
// Managed IT: ...)", ...
std::string reason_text(const Plan& plan, const Judgement& judgement, const Reason& reason);

// A warning in words: "SRV-2 (high) is due in 2 days (2026-10-20) and not started", or the
// forecast's sentence.
std::string warning_text(const Plan& plan, const Judgement& judgement, const Warning& warning);

// "at the pace of the last 28 days (3 resolved), the 4 open issues would be done around
// 2026-12-20, 6 days after the deadline", or that nothing was resolved in the window.
std::string forecast_text(const Forecast& forecast, date::sys_days deadline);

// --- incidents and the ultimatum (strike_words.cpp) ---

// The ultimatum as it applies on as_of, in the plan's own numbers, a whole sentence. Incidents
// count strictly after the warning's day and up to the end of the strike window; before the
// warning is given the sentence states neither its terms nor its date:
// - no warning given by as_of: "No final warning has been given: no incident counts against
//   the remediation.";
// - in the window: "After 2026-11-02 and until 2026-12-14, one more incident of priority high
//   or higher entitles Northwind Traders to terminate the contract MSA-2024-017 (1 of 2 so far:
//   the high incident of 2026-11-05, disputed by Acme Managed IT: ...)." ("one incident" while
//   there has been none);
// - after it: "The ultimatum's window closed on 2026-12-14: a later incident does not count
//   against it.";
// - once the strikes are reached: "The incidents after 2026-11-02 reached the ultimatum's
//   limit of 2."
std::string strike_rule_text(const Plan& plan, const Judgement& judgement);

// The strike rule in its general form, for the letters that announce it (the notice, the final
// warning): true on every day; before the warning it says only that none counts yet.
std::string strike_terms_text(const Plan& plan, const Judgement& judgement);

// How an incident stood on as_of, for lists of incidents: "strike 1 of 2", "not a strike:
// withdrawn on 2026-12-14: ...", "not a strike: below high", ... then, for a disputed one,
// "; disputed by Acme Managed IT on 2026-12-10: ...".
std::string incident_standing_text(const Plan& plan, const Judgement& judgement,
                                   std::size_t incident);

// " (disputed by Acme Managed IT on 2026-12-10: why)" for an incident disputed on as_of, else
// empty: what every output that names a strike adds to it.
std::string dispute_text(const Plan& plan, const Judgement& judgement, std::size_t incident);

// --- money (money_words.cpp) ---

// The cap as it applies: "a cap of 2,500.00 USD", "a cap of 2,700.00 GBP a month"; empty
// without a cap.
std::string cap_text(const Plan& plan, const Judgement& judgement);

// The months at their cap under cap_per = "month", in order ("2026-12"); empty for a plan cap.
std::vector<std::string> capped_months(const Judgement& judgement);

// What the money does from as_of: "2 issues accrue 350.00 USD a day; 1,200.00 USD left under the
// cap, reached on 2026-11-20 if nothing changes"; under a month cap the month of each figure is
// named, and "grows no more" is said only when no month can owe more.
std::string money_from_here(const Plan& plan, const Judgement& judgement);

} // namespace remedy
