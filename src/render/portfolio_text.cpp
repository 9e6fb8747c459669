// `portfolio` for a person: every line within 80 terminal columns, counted in display width.

#include "portfolio_totals.h"
#include "remedy/model/dates.h"
#include "remedy/model/money.h"
#include "remedy/model/wording.h"
#include "remedy/render/escape.h"
#include "remedy/render/text_reports.h"
#include "remedy/render/text_table.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

constexpr std::size_t line_width = 80;
constexpr std::string_view indent = "  ";
constexpr std::size_t room = line_width - indent.size(); // of an indented line

// `text` cut to `width` columns, its end replaced by an ellipsis when it is longer.
std::string shortened(std::string_view text, std::size_t width) {
    if (display_width(text) <= width)
        return std::string(text);
    return std::string(first_columns(text, width > 0 ? width - 1 : 0)) + "…";
}

// A path cut from the left ("…/clients/remedy.toml"): its end names the plan.
std::string shortened_path(std::string_view path, std::size_t width) {
    if (display_width(path) <= width)
        return std::string(path);
    const std::size_t kept = width > 0 ? width - 1 : 0;
    // The longest end of the path that fits.
    std::size_t start = path.size();
    while (start > 0) {
        std::size_t before = start - 1;
        while (before > 0 && is_continuation_byte(path[before]))
            --before;
        if (display_width(path.substr(before)) > kept)
            break;
        start = before;
    }
    return "…" + std::string(path.substr(start));
}

// The second line of a plan's row: "FILE · CLIENT / PROVIDER", fitted to the line. The names
// come first (the path keeps at least its last characters, cut from the left: its end names
// the plan); two names too long share the room, the shorter keeping all of itself.
std::string names_line(const PortfolioRow& row) {
    // Each name escaped on its own before it is measured: a line break in a folder's name
    // must not start a line of its own (the report's lines keep theirs).
    const std::string file = terminal_text(row.file);
    const std::string client_name = terminal_text(row.client);
    const std::string provider_name = terminal_text(row.provider);
    if (!row.valid())
        return shortened(terminal_text(row.error), room);
    constexpr std::size_t separators = 6;     // " · " and " / "
    constexpr std::size_t shortest_path = 30; // "…/clients/geneve-leman/remedy.toml"
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
    const std::string client_text = shortened(client_name, client);
    const std::string provider_text = shortened(provider_name, provider);
    // A wide character left out at the edge leaves a column the path may take.
    const std::size_t path_room =
        text_room - display_width(client_text) - display_width(provider_text);
    return fmt::format("{} · {} / {}", shortened_path(file, path_room), client_text, provider_text);
}

// "was at-risk; newly late NET-3, SRV-1; owed +450.00; 1 new strike", with `shown` of the ids
// (the others counted).
std::string week_text(const PortfolioRow& row, std::size_t shown) {
    const PortfolioWeek& week = row.week;
    std::vector<std::string> parts;
    if (week.verdict != row.verdict)
        parts.push_back(fmt::format("was {}", name(week.verdict)));
    if (!week.newly_overdue.empty()) {
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < shown && i < week.newly_overdue.size(); ++i)
            ids.push_back(terminal_text(week.newly_overdue[i]));
        const std::size_t more = week.newly_overdue.size() - ids.size();
        if (ids.empty())
            parts.push_back(
                fmt::format("{} newly late", plural(static_cast<long long>(more), "issue")));
        else
            parts.push_back(fmt::format("newly late {}{}", fmt::join(ids, ", "),
                                        more > 0 ? fmt::format(" and {} more", more) : ""));
    }
    if (week.owed_change.minor != 0)
        parts.push_back("owed " + signed_money(week.owed_change, row.minor_digits));
    if (week.new_strikes > 0)
        parts.push_back(plural(static_cast<long long>(week.new_strikes), "new strike"));
    return parts.empty() ? std::string() : fmt::format("week: {}", fmt::join(parts, "; "));
}

// The news of a plan's row, on the lines after its names: the day it was judged when that is
// not the report's, why it is out and since when, and what changed in the week before; as
// many parts a line as fit, each part on one line (the ids newly late, as many as it holds).
// Empty when there is none.
std::vector<std::string> news_lines(const PortfolioRow& row,
                                    std::optional<date::sys_days> report_day) {
    if (!row.valid())
        return {};
    std::vector<std::string> parts;
    if (report_day && row.as_of != *report_day)
        parts.push_back("judged on " + format_iso_date(row.as_of));
    if (row.out) {
        std::vector<std::string_view> why;
        for (OutCause cause : row.out->why)
            why.push_back(name(cause));
        parts.push_back(fmt::format("out since {} ({})", format_iso_date(row.out->since),
                                    fmt::join(why, ", ")));
    }
    for (std::size_t shown = row.week.newly_overdue.size() + 1; shown-- > 0;) {
        const std::string week = week_text(row, shown);
        if (shown == 0 || display_width(week) <= room) {
            if (!week.empty())
                parts.push_back(shortened(week, room));
            break;
        }
    }
    std::vector<std::string> lines;
    for (const std::string& part : parts) {
        if (!lines.empty() && display_width(lines.back()) + 3 + display_width(part) <= room)
            lines.back() += " · " + part;
        else
            lines.push_back(part);
    }
    return lines;
}

// The days the plans were judged on, the most frequent first (then the latest): "2026-12-06
// (5), 2026-12-05 (3)".
std::vector<std::pair<date::sys_days, int>> judgement_days(const std::vector<PortfolioRow>& rows) {
    std::map<date::sys_days, int> counts;
    for (const PortfolioRow& row : rows)
        if (row.valid())
            ++counts[row.as_of];
    std::vector<std::pair<date::sys_days, int>> days(counts.begin(), counts.end());
    std::stable_sort(days.begin(), days.end(), [](const auto& a, const auto& b) {
        return std::tie(b.second, b.first) < std::tie(a.second, a.first);
    });
    return days;
}

std::string header(const std::vector<PortfolioRow>& rows, const PortfolioScope& scope) {
    std::string count = plural(static_cast<long long>(rows.size()), "plan");
    if (!scope.only.empty())
        count = fmt::format("{} of {}", rows.size(),
                            plural(static_cast<long long>(scope.judged), "plan"));
    const std::string only =
        scope.only.empty() ? "" : fmt::format(", only {}", fmt::join(scope.only, ", "));
    if (scope.as_of)
        return fmt::format("{} on {}{}\n", count, format_iso_date(*scope.as_of), only);
    std::vector<std::string> days;
    for (const auto& [day, plans] : judgement_days(rows))
        days.push_back(fmt::format("{} ({})", format_iso_date(day), plans));
    return fmt::format("{}{}, each on today in its client's time zone{}{}\n", count, only,
                       days.empty() ? "" : ": ", fmt::join(days, ", "));
}

// One cell a column of a valid plan's figures.
std::vector<TextTable::Cell> figures(const PortfolioRow& row) {
    std::string cap = row.cap ? format_money_grouped(*row.cap, row.minor_digits) : "-";
    if (row.cap && row.cap_per == CapPer::month)
        cap += "/mo"; // a month's cap, not the plan's
    return {{std::string(name(row.verdict)), tone_of(row.verdict)},
            {format_iso_date(row.deadline)},
            {std::to_string(row.days_left), row.days_left < 0 ? Tone::bad : Tone::plain},
            {std::to_string(row.open)},
            {std::to_string(row.overdue), row.overdue > 0 ? Tone::bad : Tone::plain},
            {format_money_grouped(row.owed, row.minor_digits)},
            {cap},
            {row.currency},
            {fmt::format("{}/{}", row.strikes, row.strike_limit),
             row.strikes == 0 ? Tone::plain : Tone::bad},
            {std::to_string(row.warnings), row.warnings == 0 ? Tone::plain : Tone::warn}};
}

// The same figures in words, on as many lines of 80 columns as they take: for amounts too
// wide for the table.
std::string figures_in_words(const PortfolioRow& row, const Style& style) {
    if (!row.valid())
        return style.paint("invalid", Tone::bad) + "\n";
    const std::vector<TextTable::Cell> cells = figures(row);
    const std::vector<std::string> parts = {
        cells[0].text,
        fmt::format("deadline {} ({} days left)", cells[1].text, cells[2].text),
        fmt::format("{} open, {} late", cells[3].text, cells[4].text),
        fmt::format("owed {} {}", cells[5].text, row.currency),
        fmt::format("cap {}", cells[6].text),
        fmt::format("strikes {}", cells[8].text),
        plural(static_cast<long long>(row.warnings), "warning")};
    std::string out = style.paint(parts[0], cells[0].tone);
    std::size_t used = display_width(parts[0]);
    for (std::size_t i = 1; i < parts.size(); ++i) {
        if (used + 3 + display_width(parts[i]) > line_width) {
            out += "\n" + std::string(indent);
            used = indent.size();
        } else {
            out += " · ";
            used += 3;
        }
        out += parts[i];
        used += display_width(parts[i]);
    }
    return out + "\n";
}

bool fits(const std::string& lines) {
    std::size_t start = 0;
    for (std::size_t end = lines.find('\n'); end != std::string::npos;
         start = end + 1, end = lines.find('\n', start))
        if (display_width(std::string_view(lines).substr(start, end - start)) > line_width)
            return false;
    return true;
}

} // namespace

std::string render_portfolio_text(const std::vector<PortfolioRow>& rows,
                                  const PortfolioScope& scope, const Style& style) {
    std::string out = header(rows, scope) + "\n";
    // The day of most plans: the others say theirs.
    const std::vector<std::pair<date::sys_days, int>> days = judgement_days(rows);
    const std::optional<date::sys_days> report_day = scope.as_of ? scope.as_of
                                                     : days.empty()
                                                         ? std::nullopt
                                                         : std::optional(days.front().first);
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
    const std::vector<std::size_t> order = portfolio_order(rows);
    for (std::size_t i : order)
        table.add_row(rows[i].valid() ? figures(rows[i])
                                      : std::vector<TextTable::Cell>{{"invalid", Tone::bad},
                                                                     {"-"},
                                                                     {"-"},
                                                                     {"-"},
                                                                     {"-"},
                                                                     {"-"},
                                                                     {"-"},
                                                                     {"-"},
                                                                     {"-"},
                                                                     {"-"}});
    // Measured without colour: the escape sequences take no column.
    const std::string plain = table.render(Style{});
    const bool as_table = fits(plain);
    const std::string lines = !as_table ? std::string() : style.color ? table.render(style) : plain;
    const auto names_and_news = [&](const PortfolioRow& row) {
        const TextTable::Cell names{names_line(row), row.valid() ? Tone::muted : Tone::bad};
        std::string text = std::string(indent) + style.paint(names.text, names.tone) + "\n";
        for (const std::string& news : news_lines(row, report_day))
            text +=
                std::string(indent) + style.paint(news, row.out ? Tone::bad : Tone::muted) + "\n";
        return text;
    };
    if (as_table) {
        // The table's lines, each plan's figures followed by its names and its news, indented.
        std::size_t start = 0;
        std::size_t line = 0;
        for (std::size_t end = lines.find('\n'); end != std::string::npos;
             start = end + 1, end = lines.find('\n', start), ++line) {
            out.append(lines, start, end + 1 - start);
            if (line == 0)
                out += std::string(indent) + style.paint("FILE · CLIENT / PROVIDER", Tone::strong) +
                       "\n";
            else
                out += names_and_news(rows[order[line - 1]]);
        }
    } else {
        for (std::size_t i : order)
            out += figures_in_words(rows[i], style) + names_and_news(rows[i]);
    }

    const std::map<std::string_view, int> counts = verdict_counts(rows);
    std::string summary;
    for (std::string_view word : verdict_words())
        if (const auto found = counts.find(word); found != counts.end())
            summary += fmt::format("{}{} {}", summary.empty() ? "" : ", ", found->second, word);
    out += fmt::format("\n{}\n", summary.empty() ? "no plan" : summary);

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

} // namespace remedy
