#include "remedy/render/portfolio_report.h"

#include "portfolio_totals.h"
#include "remedy/model/dates.h"
#include "remedy/model/money.h"
#include "remedy/render/escape.h"
#include "remedy/render/json_writer.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace remedy {

namespace {

// The verdicts from the worst, as the rows and the counts list them.
constexpr std::array<Verdict, 4> worst_first = {Verdict::terminate, Verdict::at_risk,
                                                Verdict::on_track, Verdict::remediated};

std::size_t rank(Verdict verdict) {
    return static_cast<std::size_t>(std::find(worst_first.begin(), worst_first.end(), verdict) -
                                    worst_first.begin());
}

std::string joined(const std::vector<std::string>& words, std::string_view separator) {
    return fmt::format("{}", fmt::join(words, separator));
}

std::vector<std::string> why_words(const std::optional<OutOfContract>& out) {
    std::vector<std::string> words;
    if (out)
        for (OutCause cause : out->why)
            words.emplace_back(name(cause));
    return words;
}

} // namespace

std::map<std::string, CurrencyTotal> totals_by_currency(const std::vector<PortfolioRow>& rows) {
    std::map<std::string, CurrencyTotal> totals;
    for (const PortfolioRow& row : rows) {
        if (!row.valid())
            continue;
        CurrencyTotal& total = totals[row.currency];
        ++total.plans;
        total.open += row.open;
        total.overdue += row.overdue;
        total.minor_digits = row.minor_digits;
        if (total.owed)
            total.owed = checked_add(*total.owed, row.owed);
    }
    return totals;
}

std::map<std::string_view, int> verdict_counts(const std::vector<PortfolioRow>& rows) {
    std::map<std::string_view, int> counts;
    for (const PortfolioRow& row : rows)
        ++counts[row.valid() ? name(row.verdict) : "invalid"];
    return counts;
}

std::vector<std::string_view> verdict_words() {
    std::vector<std::string_view> words;
    for (Verdict verdict : worst_first)
        words.push_back(name(verdict));
    words.push_back("invalid");
    return words;
}

std::string signed_money(Money amount, int minor_digits) {
    const std::string text = format_money_grouped(amount, minor_digits);
    return amount.minor > 0 ? "+" + text : text;
}

PortfolioRow portfolio_row(std::string file, const Plan& plan, const Judgement& j,
                           const RecentChanges& week, std::optional<OutOfContract> out,
                           const Diagnostics& reading) {
    PortfolioRow row{.file = std::move(file),
                     .client = plan.client.name,
                     .provider = plan.provider.name,
                     .currency = plan.contract.currency,
                     .minor_digits = plan.contract.minor_digits,
                     .as_of = j.as_of,
                     .verdict = j.verdict,
                     .deadline = j.deadline,
                     .days_left = j.days_left,
                     .owed = j.penalties.owed,
                     .cap = j.penalties.cap,
                     .cap_per = j.penalties.cap_per,
                     .strikes = j.strikes.size(),
                     .strike_limit = j.strike_limit,
                     .warnings = j.warnings.size(),
                     .out = std::move(out)};
    for (const Diagnostic& d : reading)
        row.warnings += d.severity == Severity::warning;
    // The issues still to do on as_of and those of them overdue, as status lists their states.
    for (const IssueJudgement& issue : j.issues) {
        row.open += issue.state == IssueStatus::open || issue.state == IssueStatus::in_progress;
        row.overdue += issue.overdue;
    }
    // Both owed amounts are at least 0: their difference fits.
    row.week = {.on = week.since,
                .verdict = week.verdict_before,
                .owed_change = Money{week.owed_now.minor - week.owed_before.minor},
                .new_strikes = week.new_strikes.size()};
    for (std::size_t i : week.became_overdue)
        row.week.newly_overdue.push_back(plan.issues[i].id);
    return row;
}

std::vector<std::size_t> portfolio_order(const std::vector<PortfolioRow>& rows) {
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    // (rank, days left, file): a plan that could not be judged ranks before every verdict.
    const auto key = [&](std::size_t i) {
        const PortfolioRow& row = rows[i];
        return row.valid()
                   ? std::tuple(rank(row.verdict) + 1, row.days_left, std::string_view(row.file))
                   : std::tuple(std::size_t{0}, 0, std::string_view(row.file));
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    return order;
}

namespace {

void plan_object(JsonWriter& json, const PortfolioRow& row) {
    json.begin_object();
    json.key("file").value(row.file);
    json.key("valid").value(row.valid());
    json.key("error");
    if (!row.valid()) {
        json.value(row.error);
        json.end_object();
        return;
    }
    json.null();
    json.key("client").value(row.client);
    json.key("provider").value(row.provider);
    json.key("as_of").value(format_iso_date(row.as_of));
    json.key("judged_on").value(format_iso_date(row.as_of));
    json.key("verdict").value(name(row.verdict));
    json.key("deadline").value(format_iso_date(row.deadline));
    json.key("days_left").value(row.days_left);
    json.key("open").value(row.open);
    json.key("overdue").value(row.overdue);
    json.key("owed").value(format_money(row.owed, row.minor_digits));
    json.key("cap");
    if (row.cap)
        json.value(format_money(*row.cap, row.minor_digits));
    else
        json.null();
    json.key("cap_per").value(cap_pers.name(row.cap_per));
    json.key("currency").value(row.currency);
    json.key("strikes").begin_object();
    json.key("count").value(row.strikes);
    json.key("limit").value(row.strike_limit);
    json.end_object();
    json.key("warnings").value(row.warnings);
    json.key("out");
    if (row.out) {
        json.begin_object();
        json.key("why").begin_array();
        for (const std::string& why : why_words(row.out))
            json.value(why);
        json.end_array();
        json.key("since").value(format_iso_date(row.out->since));
        json.end_object();
    } else {
        json.null();
    }
    const PortfolioWeek& week = row.week;
    json.key("week").begin_object();
    json.key("on").value(format_iso_date(week.on));
    json.key("verdict").value(name(week.verdict));
    json.key("newly_overdue").begin_array();
    for (const std::string& id : week.newly_overdue)
        json.value(id);
    json.end_array();
    json.key("owed_change").value(format_money(week.owed_change, row.minor_digits));
    json.key("new_strikes").value(week.new_strikes);
    json.end_object();
    json.end_object();
}

} // namespace

std::string render_portfolio_json(const std::vector<PortfolioRow>& rows,
                                  const PortfolioScope& scope) {
    JsonWriter json;
    json.begin_object();
    json.key("as_of");
    if (scope.as_of)
        json.value(format_iso_date(*scope.as_of));
    else
        json.null();
    json.key("only");
    if (scope.only.empty()) {
        json.null();
    } else {
        json.begin_array();
        for (const std::string& verdict : scope.only)
            json.value(verdict);
        json.end_array();
    }
    json.key("plans").begin_array();
    for (std::size_t i : portfolio_order(rows))
        plan_object(json, rows[i]);
    json.end_array();
    json.key("totals").begin_array();
    for (const auto& [currency, total] : totals_by_currency(rows)) {
        json.begin_object();
        json.key("currency").value(currency);
        json.key("plans").value(total.plans);
        json.key("open").value(total.open);
        json.key("overdue").value(total.overdue);
        json.key("owed").value(total.owed ? format_money(*total.owed, total.minor_digits)
                                          : "overflow");
        json.end_object();
    }
    json.end_array();
    json.key("verdicts").begin_object();
    const std::map<std::string_view, int> counts = verdict_counts(rows);
    for (std::string_view word : verdict_words()) {
        const auto found = counts.find(word);
        json.key(word).value(found == counts.end() ? 0 : found->second);
    }
    json.end_object();
    json.end_object();
    return json.finish();
}

std::string render_portfolio_csv(const std::vector<PortfolioRow>& rows) {
    // The columns of v2 keep their places; the Monday's come after them.
    std::string out = "file,client,provider,as_of,verdict,deadline,days_left,open,overdue,owed,"
                      "cap,currency,strikes,strike_limit,warnings,error,judged_on,cap_per,"
                      "out_why,out_since,week_on,week_verdict,week_newly_overdue,"
                      "week_owed_change,week_new_strikes\r\n";
    const auto line = [&](const std::vector<std::string>& fields) {
        for (std::size_t f = 0; f < fields.size(); ++f)
            out += (f == 0 ? "" : ",") + csv_field(fields[f]);
        out += "\r\n";
    };
    for (std::size_t i : portfolio_order(rows)) {
        const PortfolioRow& row = rows[i];
        if (!row.valid()) {
            std::vector<std::string> fields(25);
            fields[0] = row.file;
            fields[4] = "invalid";
            fields[15] = row.error;
            line(fields);
            continue;
        }
        const PortfolioWeek& week = row.week;
        line({row.file,
              row.client,
              row.provider,
              format_iso_date(row.as_of),
              std::string(name(row.verdict)),
              format_iso_date(row.deadline),
              std::to_string(row.days_left),
              std::to_string(row.open),
              std::to_string(row.overdue),
              format_money(row.owed, row.minor_digits),
              row.cap ? format_money(*row.cap, row.minor_digits) : "",
              row.currency,
              std::to_string(row.strikes),
              std::to_string(row.strike_limit),
              std::to_string(row.warnings),
              "",
              format_iso_date(row.as_of),
              std::string(cap_pers.name(row.cap_per)),
              joined(why_words(row.out), " "),
              row.out ? format_iso_date(row.out->since) : "",
              format_iso_date(week.on),
              std::string(name(week.verdict)),
              joined(week.newly_overdue, " "),
              format_money(week.owed_change, row.minor_digits),
              std::to_string(week.new_strikes)});
    }
    return out;
}

} // namespace remedy
