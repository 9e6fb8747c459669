#pragma once

#include "remedy/model/judgement.h"
#include "remedy/render/style.h"

#include <optional>
#include <string>
#include <vector>

namespace remedy {

// `remedy portfolio`: several plans, each judged on its own day, one row a plan.

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
    std::size_t strikes = 0;
    int strike_limit = 1;
    std::size_t warnings = 0;

    bool valid() const { return error.empty(); }
};

// The row of a plan judged on its day.
PortfolioRow portfolio_row(std::string file, const Plan& plan, const Judgement& judgement);

// The rows' order: plans that could not be judged first (they need fixing before anything
// else), then terminate, at-risk, on-track, remediated; within a verdict the fewest days left
// first; then by file name, byte by byte. Indexes into `rows`.
std::vector<std::size_t> portfolio_order(const std::vector<PortfolioRow>& rows);

// The table for a person: each plan on two lines (its figures, then its file, client and
// provider, or its error, shortened to fit 80 columns), then the totals of each currency.
// `as_of` is the day given on the command line; without one each plan was judged on today in
// its client's time zone.
std::string render_portfolio_text(const std::vector<PortfolioRow>& rows,
                                  std::optional<date::sys_days> as_of, const Style& style);

// {"as_of", "plans": [one object a plan], "totals": [one object a currency], "verdicts"}.
std::string render_portfolio_json(const std::vector<PortfolioRow>& rows,
                                  std::optional<date::sys_days> as_of);

// One line a plan under a header line; RFC 4180, every field through csv_field.
std::string render_portfolio_csv(const std::vector<PortfolioRow>& rows);

} // namespace remedy
