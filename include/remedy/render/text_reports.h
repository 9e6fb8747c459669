#pragma once

#include "remedy/model/check_policy.h"
#include "remedy/model/judgement.h"
#include "remedy/model/recent_changes.h"
#include "remedy/render/style.h"
#include "remedy/util/enum_names.h"

#include <string>

namespace remedy {

// The human-readable reports of the commands; each returns the whole text to print.

// The order of the status table: by urgency (overdue first), or by what each issue costs per day.
enum class IssueOrder { urgency, cost };

inline constexpr EnumNames<IssueOrder, 2> issue_orders{{{
    {IssueOrder::urgency, "urgency"},
    {IssueOrder::cost, "cost"},
}}};

// `remedy status`: header with the warnings and the forecast, issue table, money (and the money
// from here), strikes, and what changed since `changes.since`.
std::string render_status_text(const Plan& plan, const Judgement& judgement,
                               const RecentChanges& changes, const Style& style,
                               IssueOrder order = IssueOrder::urgency);

// `remedy status ID`: one issue on as_of: its state, dates, money, pauses, warnings, owner and
// notes (as they stood that day).
std::string render_issue_text(const Plan& plan, const Judgement& judgement, std::size_t issue,
                              const Style& style);

// `remedy verdict`: in or out, every reason, the money, and what must happen by when.
std::string render_verdict_text(const Plan& plan, const Judgement& judgement, const Style& style);

// `remedy penalties`: the ledger, one line per issue, then total, cap and owed.
std::string render_penalties_text(const Plan& plan, const Judgement& judgement, const Style& style);

// `remedy check`: one line with the verdict and whether it passes, then its reasons, its
// warnings and how many warnings reading the file gave (`reading`).
std::string render_check_text(const Plan& plan, const Judgement& judgement,
                              const Diagnostics& reading, FailOn fail_on, const Style& style);

// The verdict in one sentence: "Acme Managed IT is out: Northwind Traders is entitled to
// terminate the contract MSA-2024-017.", "Not decided yet: Acme Managed IT is at risk."
std::string headline(const Plan& plan, Verdict verdict);

// The colour a verdict is shown in.
Tone tone_of(Verdict verdict);

} // namespace remedy
