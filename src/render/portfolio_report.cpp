#include "remedy/render/portfolio_report.h"

#include "remedy/model/dates.h"
#include "remedy/model/money.h"
#include "remedy/model/wording.h"
#include "remedy/render/escape.h"
#include "remedy/render/json_writer.h"
#include "remedy/render/text_reports.h"
#include "remedy/render/text_table.h"
#include "remedy/util/utf8.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>

namespace remedy {

namespace {

// The verdicts from the worst, as the rows and the counts list them.
constexpr std::array<Verdict, 4> worst_first = {Verdict::terminate, Verdict::at_risk,
                                                Verdict::on_track, Verdict::remediated};

std::size_t rank(Verdict verdict) {
    return static_cast<std::size_t>(std::find(worst_first.begin(), worst_first.end(), verdict) -
                                    worst_first.begin());
}

// What the plans of one currency add up to; money of different currencies is never added.
struct CurrencyTotal {
    int plans = 0;
    int open = 0;
    int overdue = 0;
    std::optional<Money> owed = Money{}; // empty once the sum would overflow
    int minor_digits = 2;
};

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

// "1 terminate, 2 at-risk, 0 on-track, 1 remediated, 1 invalid": every verdict, the worst first.
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

// `text` cut to `width` characters, its end replaced by an ellipsis when it is longer.
std::string shortened(std::string_view text, std::size_t width) {
    if (display_width(text) <= width)
        return std::string(text);
    return std::string(first_characters(text, width > 0 ? width - 1 : 0)) + "…";
}

// A path cut from the left ("…/clients/remedy.toml"): its end names the plan.
std::string shortened_path(std::string_view path, std::size_t width) {
    const std::size_t length = display_width(path);
    if (length <= width)
        return std::string(path);
    const std::size_t kept = width > 0 ? width - 1 : 0;
    std::string_view tail = path;
    tail.remove_prefix(first_characters(path, length - kept).size());
    return "…" + std::string(tail);
}

constexpr std::size_t line_width = 80;
constexpr std::string_view indent = "  ";

// The second line of a plan's row: "FILE · CLIENT / PROVIDER", fitted to the line. The names
// come first (the path keeps at least its last characters, cut from the left: its end names
// the plan); two names too long share the room, the shorter keeping all of itself.
std::string names_line(const PortfolioRow& row) {
    const std::size_t room = line_width - indent.size();
    // Each name escaped on its own before it is measured: a line break in a folder's name
    // must not start a line of its own (the report's lines keep theirs).
    const std::string file = terminal_text(row.file);
    const std::string client_name = terminal_text(row.client);
    const std::string provider_name = terminal_text(row.provider);
    if (!row.valid())
        return shortened(terminal_text(row.error), room);
    constexpr std::size_t separators = 6; // " · " and " / "
    constexpr std::size_t shortest_path = 24;
    const std::size_t text_room = room - separators;
    const std::size_t names_room = text_room - std::min(display_width(file), shortest_path);
    std::size_t client = display_width(client_name);
    std::size_t provider = display_width(provider_name);
    if (client + provider > names_room) {
        const std::size_t half = names_room / 2;
        if (client <= half)
            provider = names_room - client;
        else if (provider <= half)
            client = names_room - provider;
        else
            client = half, provider = names_room - half;
    }
    return fmt::format("{} · {} / {}", shortened_path(file, text_room - client - provider),
                       shortened(client_name, client), shortened(provider_name, provider));
}

} // namespace

PortfolioRow portfolio_row(std::string file, const Plan& plan, const Judgement& j) {
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
                     .strikes = j.strikes.size(),
                     .strike_limit = j.strike_limit,
                     .warnings = j.warnings.size()};
    // The issues still to do on as_of and those of them overdue, as status lists their states.
    for (const IssueJudgement& issue : j.issues) {
        row.open += issue.state == IssueStatus::open || issue.state == IssueStatus::in_progress;
        row.overdue += issue.overdue;
    }
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

std::string render_portfolio_text(const std::vector<PortfolioRow>& rows,
                                  std::optional<date::sys_days> as_of, const Style& style) {
    const std::string count = plural(static_cast<long long>(rows.size()), "plan");
    std::string out = as_of ? fmt::format("{} on {}\n\n", count, format_iso_date(*as_of))
                            : fmt::format("{}, each on today in its client's time zone\n\n", count);
    TextTable table({{"VERDICT", Align::left},
                     {"DEADLINE", Align::left},
                     {"LEFT", Align::right},
                     {"OPEN", Align::right},
                     {"LATE", Align::right},
                     {"OWED", Align::right},
                     {"CAP", Align::right},
                     {"CUR", Align::left},
                     {"STRK", Align::right},
                     {"WARN", Align::right}});
    std::vector<TextTable::Cell> second_lines;
    for (std::size_t i : portfolio_order(rows)) {
        const PortfolioRow& row = rows[i];
        second_lines.push_back({names_line(row), row.valid() ? Tone::muted : Tone::bad});
        if (!row.valid()) {
            table.add_row({{"invalid", Tone::bad},
                           {"-"},
                           {"-"},
                           {"-"},
                           {"-"},
                           {"-"},
                           {"-"},
                           {"-"},
                           {"-"},
                           {"-"}});
            continue;
        }
        table.add_row(
            {{std::string(name(row.verdict)), tone_of(row.verdict)},
             {format_iso_date(row.deadline)},
             {std::to_string(row.days_left), row.days_left < 0 ? Tone::bad : Tone::plain},
             {std::to_string(row.open)},
             {std::to_string(row.overdue), row.overdue > 0 ? Tone::bad : Tone::plain},
             {format_money_grouped(row.owed, row.minor_digits)},
             {row.cap ? format_money_grouped(*row.cap, row.minor_digits) : "-"},
             {row.currency},
             {fmt::format("{}/{}", row.strikes, row.strike_limit),
              row.strikes == 0 ? Tone::plain : Tone::bad},
             {std::to_string(row.warnings), row.warnings == 0 ? Tone::plain : Tone::warn}});
    }
    // The table's lines, each plan's figures followed by its names, indented.
    const std::string figures = table.render(style);
    std::size_t line = 0;
    std::size_t start = 0;
    for (std::size_t end = figures.find('\n'); end != std::string::npos;
         start = end + 1, end = figures.find('\n', start), ++line) {
        out.append(figures, start, end + 1 - start);
        const TextTable::Cell& names =
            line == 0 ? TextTable::Cell{"FILE · CLIENT / PROVIDER", Tone::strong}
                      : second_lines[line - 1];
        out += indent;
        style.paint_to(out, names.text, names.tone);
        out += '\n';
    }

    const std::map<std::string_view, int> counts = verdict_counts(rows);
    std::string summary;
    for (std::string_view word : verdict_words())
        if (const auto found = counts.find(word); found != counts.end())
            summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", found->second, word);
    out += fmt::format("\n{}\n", summary);

    const std::map<std::string, CurrencyTotal> totals = totals_by_currency(rows);
    if (totals.empty())
        return out;
    TextTable by_currency({{"TOTAL", Align::left},
                           {"PLANS", Align::right},
                           {"OPEN", Align::right},
                           {"LATE", Align::right},
                           {"OWED", Align::right}});
    for (const auto& [currency, total] : totals)
        by_currency.add_row(
            {{currency},
             {std::to_string(total.plans)},
             {std::to_string(total.open)},
             {std::to_string(total.overdue), total.overdue > 0 ? Tone::bad : Tone::plain},
             {total.owed ? format_money_grouped(*total.owed, total.minor_digits) : "overflow"}});
    out += '\n';
    by_currency.render_to(out, style);
    return out;
}

std::string render_portfolio_json(const std::vector<PortfolioRow>& rows,
                                  std::optional<date::sys_days> as_of) {
    JsonWriter json;
    json.begin_object();
    json.key("as_of");
    if (as_of)
        json.value(format_iso_date(*as_of));
    else
        json.null();
    json.key("plans").begin_array();
    for (std::size_t i : portfolio_order(rows)) {
        const PortfolioRow& row = rows[i];
        json.begin_object();
        json.key("file").value(row.file);
        json.key("valid").value(row.valid());
        json.key("error");
        if (!row.valid()) {
            json.value(row.error);
            json.end_object();
            continue;
        }
        json.null();
        json.key("client").value(row.client);
        json.key("provider").value(row.provider);
        json.key("as_of").value(format_iso_date(row.as_of));
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
        json.key("currency").value(row.currency);
        json.key("strikes").begin_object();
        json.key("count").value(row.strikes);
        json.key("limit").value(row.strike_limit);
        json.end_object();
        json.key("warnings").value(row.warnings);
        json.end_object();
    }
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
    std::string out = "file,client,provider,as_of,verdict,deadline,days_left,open,overdue,owed,"
                      "cap,currency,strikes,strike_limit,warnings,error\r\n";
    const auto line = [&](const std::vector<std::string>& fields) {
        for (std::size_t f = 0; f < fields.size(); ++f)
            out += (f == 0 ? "" : ",") + csv_field(fields[f]);
        out += "\r\n";
    };
    for (std::size_t i : portfolio_order(rows)) {
        const PortfolioRow& row = rows[i];
        if (!row.valid()) {
            line({row.file, "", "", "", "invalid", "", "", "", "", "", "", "", "", "", "",
                  row.error});
            continue;
        }
        line({row.file, row.client, row.provider, format_iso_date(row.as_of),
              std::string(name(row.verdict)), format_iso_date(row.deadline),
              std::to_string(row.days_left), std::to_string(row.open), std::to_string(row.overdue),
              format_money(row.owed, row.minor_digits),
              row.cap ? format_money(*row.cap, row.minor_digits) : "", row.currency,
              std::to_string(row.strikes), std::to_string(row.strike_limit),
              std::to_string(row.warnings), ""});
    }
    return out;
}

} // namespace remedy
