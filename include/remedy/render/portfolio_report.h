#pragma once

#include "remedy/model/diagnostic.h"
#include "remedy/model/judgement.h"
#include "remedy/model/out_of_contract.h"
#include "remedy/model/recent_changes.h"
#include "remedy/render/style.h"

#include <optional>
#include <string>
#include <vector>

namespace remedy {

// `remedy portfolio`: several plans, each judged on its own day, one row a plan.

// The week before the plan's day, as `status` of that day and of seven days before compare
// them: what a consultant's Monday asks first.
struct PortfolioWeek {
    date::sys_days on;                      // as_of - 7, the day compared with
    Verdict verdict = Verdict::on_track;    // the verdict on that day
    std::vector<std::string> newly_overdue; // ids overdue on as_of and not on that day
    Money owed_change;                      // owed on as_of less owed on that day
    std::size_t new_strikes = 0;            // incidents dated in the week that are strikes
};

// One plan's row: the figures of its judgement that the portfolio shows (each as `status
// --format json` of the plan gives it), or the error that kept it from being judged. Only the
// row is kept of each plan, so that a thousand plans are not all held in memory at once.
struct PortfolioRow {
    std::string file;
    std::string error; // not empty for a plan that could not be judged: its first error
    std::string client;
    std::string provider;
    std::string currency;
    int minor_digits = 2;
    date::sys_days as_of;
    Verdict verdict = Verdict::on_track;
    date::sys_days deadline;
    int days_left = 0;
    int open = 0;    // issues open or in progress on as_of
    int overdue = 0; // of them, those overdue
    Money owed;
    std::optional<Money> cap;
    CapPer cap_per = CapPer::plan;
    std::size_t strikes = 0;
    int strike_limit = 1;
    std::size_t warnings = 0; // the judgement's and those of reading the file (unknown keys)
    std::optional<OutOfContract> out; // why a terminate plan is out, since which day
    PortfolioWeek week;

    bool valid() const { return error.empty(); }
};

// The row of a plan judged on its day: `week` compares it with seven days before, `out` says
// why it is out (out_of_contract), `reading` are the diagnostics of its file.
PortfolioRow portfolio_row(std::string file, const Plan& plan, const Judgement& judgement,
                           const RecentChanges& week, std::optional<OutOfContract> out,
                           const Diagnostics& reading);

// The rows' order: plans that could not be judged first (they need fixing before anything
// else), then terminate, at-risk, on-track, remediated; within a verdict the fewest days left
// first; then by file name, byte by byte. Indexes into `rows`.
std::vector<std::size_t> portfolio_order(const std::vector<PortfolioRow>& rows);

// What the report says about its rows as a whole: the day given on the command line (without
// one, each plan was judged on today in its client's time zone), how many plans were judged,
// and the verdicts `--only` kept (empty: every row).
struct PortfolioScope {
    std::optional<date::sys_days> as_of;
    std::size_t judged = 0;
    std::vector<std::string> only; // verdict names, and "invalid"
};

// The table for a person, every line within 80 terminal columns (display width: a CJK
// character takes two): each plan's figures, its file, client and provider (or its error),
// and, when there is any, a line of its news (why it is out and since when, the day it was
// judged when not the report's, what changed in the week before); then the totals of each
// currency. Figures too wide for one line of the table are written as words instead.
std::string render_portfolio_text(const std::vector<PortfolioRow>& rows,
                                  const PortfolioScope& scope, const Style& style);

// {"as_of", "only", "plans": [one object a plan], "totals": [one object a currency],
// "verdicts"}.
std::string render_portfolio_json(const std::vector<PortfolioRow>& rows,
                                  const PortfolioScope& scope);

// One line a plan under a header line; RFC 4180, every field through csv_field.
std::string render_portfolio_csv(const std::vector<PortfolioRow>& rows);

} // namespace remedy
