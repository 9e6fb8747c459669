#include "remedy/render/history_report.h"

#include "remedy/model/dates.h"
#include "remedy/render/escape.h"
#include "remedy/render/json_writer.h"
#include "remedy/render/text_reports.h"
#include "remedy/render/text_table.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

std::string short_hash(const std::string& commit) {
    return commit.substr(0, 7);
}

std::string owed_text(const HistoryPoint& point) {
    return format_money(point.owed, point.minor_digits);
}

// The forecast finish against that version's deadline: "2026-12-20 (+6)", "-" without one.
std::string forecast_cell(const HistoryPoint& point) {
    if (!point.forecast_finish || !point.deadline)
        return "-";
    const int after = days_between(*point.deadline, *point.forecast_finish);
    return fmt::format("{} ({}{})", format_iso_date(*point.forecast_finish), after > 0 ? "+" : "",
                       after);
}

TextTable point_table(const std::string& first_column, const std::vector<HistoryPoint>& points) {
    TextTable table({{first_column, Align::left},
                     {"commit", Align::left},
                     {"verdict", Align::left},
                     {"open", Align::right},
                     {"overdue", Align::right},
                     {"owed", Align::right},
                     {"strikes", Align::right},
                     {"forecast", Align::left},
                     {"note", Align::left}});
    std::string previous_path;
    for (const HistoryPoint& point : points) {
        std::string note;
        if (!previous_path.empty() && point.path != previous_path)
            note = fmt::format("renamed from {}", terminal_text(previous_path));
        previous_path = point.path;
        if (!point.valid) {
            table.add_row({{format_iso_date(point.day)},
                           {short_hash(point.commit)},
                           {"invalid", Tone::bad},
                           {"-"},
                           {"-"},
                           {"-"},
                           {"-"},
                           {"-"},
                           {terminal_text(point.error), Tone::muted}});
            continue;
        }
        table.add_row({{format_iso_date(point.day)},
                       {short_hash(point.commit)},
                       {std::string(name(point.verdict)), tone_of(point.verdict)},
                       {std::to_string(point.open)},
                       {std::to_string(point.overdue), point.overdue ? Tone::warn : Tone::plain},
                       {owed_text(point)},
                       {fmt::format("{}/{}", point.strikes, point.strike_limit)},
                       {forecast_cell(point)},
                       {note, Tone::muted}});
    }
    return table;
}

// One bar a week: '#' for each overdue issue, '=' for each other open one.
std::string weekly_chart(const std::vector<HistoryPoint>& weeks, const Style& style) {
    constexpr int width = 50;
    int most = 1;
    for (const HistoryPoint& week : weeks)
        most = std::max(most, week.open);
    const auto scaled = [&](int count) {
        return most <= width ? count : (count * width + most - 1) / most;
    };
    std::string out =
        fmt::format("Open issues per week ({} overdue, {} open and not yet due{})\n",
                    style.paint("#", Tone::bad), style.paint("=", Tone::warn),
                    most > width ? fmt::format("; {} columns = {} issues", width, most) : "");
    for (const HistoryPoint& week : weeks) {
        out += fmt::format("  {} |", format_iso_date(week.day));
        if (!week.valid) {
            out += " invalid\n";
            continue;
        }
        const int overdue = scaled(week.overdue);
        const int open = std::max(scaled(week.open), overdue);
        out += style.paint(std::string(static_cast<std::size_t>(overdue), '#'), Tone::bad);
        out += style.paint(std::string(static_cast<std::size_t>(open - overdue), '='), Tone::warn);
        out += fmt::format(" {} open, {} overdue\n", week.open, week.overdue);
    }
    return out;
}

void json_point(JsonWriter& json, const char* day_key, const HistoryPoint& point) {
    json.begin_object();
    json.key(day_key).value(format_iso_date(point.day));
    json.key("commit").value(point.commit);
    json.key("path").value(point.path);
    json.key("valid").value(point.valid);
    if (point.valid)
        json.key("error").null();
    else
        json.key("error").value(point.error);
    if (point.valid) {
        json.key("verdict").value(name(point.verdict));
        json.key("issues").value(point.issues);
        json.key("open").value(point.open);
        json.key("overdue").value(point.overdue);
        json.key("owed").value(owed_text(point));
        json.key("currency").value(point.currency);
        json.key("strikes").begin_object();
        json.key("count").value(point.strikes);
        json.key("limit").value(point.strike_limit);
        json.end_object();
        json.key("deadline").value(format_iso_date(*point.deadline));
        json.key("forecast_finish");
        if (point.forecast_finish)
            json.value(format_iso_date(*point.forecast_finish));
        else
            json.null();
    } else {
        for (const char* key : {"verdict", "issues", "open", "overdue", "owed", "currency",
                                "strikes", "deadline", "forecast_finish"})
            json.key(key).null();
    }
    json.end_object();
}

std::string csv_line(const char* kind, const HistoryPoint& p) {
    std::vector<std::string> fields = {kind, format_iso_date(p.day), p.commit, p.path};
    if (p.valid) {
        for (std::string field :
             {std::string(name(p.verdict)), std::to_string(p.issues), std::to_string(p.open),
              std::to_string(p.overdue), owed_text(p), p.currency, std::to_string(p.strikes),
              std::to_string(p.strike_limit), std::string(),
              p.forecast_finish ? format_iso_date(*p.forecast_finish) : std::string()})
            fields.push_back(field);
    } else {
        fields.insert(fields.end(), {"invalid", "", "", "", "", "", "", "", p.error, ""});
    }
    std::string line;
    for (const std::string& field : fields)
        line += (line.empty() ? "" : ",") + csv_field(field);
    return line + "\r\n";
}

} // namespace

std::string render_history_text(const PlanHistory& history, const Style& style) {
    std::string out;
    if (history.commits.empty()) {
        out += fmt::format("No commit changed {} in the days asked for.\n",
                           terminal_text(history.file));
    } else {
        out += fmt::format("History of {}: {} commit{} from {} to {}", terminal_text(history.file),
                           history.commits.size(), history.commits.size() == 1 ? "" : "s",
                           format_iso_date(history.commits.front().day),
                           format_iso_date(history.commits.back().day));
        if (history.deadline)
            out += fmt::format("; deadline {}", format_iso_date(*history.deadline));
        out += "\n\n";
        out += point_table("date", history.commits).render(style, "  ");
    }
    if (!history.weeks.empty()) {
        out += "\nWeekly burndown (the newest version of each week, judged on its Sunday)\n";
        out += point_table("week ending", history.weeks).render(style, "  ");
        out += "\n" + weekly_chart(history.weeks, style);
    }
    return out;
}

std::string render_history_json(const PlanHistory& history) {
    JsonWriter json;
    json.begin_object();
    json.key("plan").value(history.file);
    if (history.deadline)
        json.key("deadline").value(format_iso_date(*history.deadline));
    else
        json.key("deadline").null();
    json.key("commits").begin_array();
    for (const HistoryPoint& point : history.commits)
        json_point(json, "date", point);
    json.end_array();
    json.key("weeks").begin_array();
    for (const HistoryPoint& point : history.weeks)
        json_point(json, "week_ending", point);
    json.end_array();
    json.end_object();
    return json.finish();
}

std::string render_history_csv(const PlanHistory& history) {
    std::string out = "kind,date,commit,path,verdict,issues,open,overdue,owed,currency,strikes,"
                      "strike_limit,error,forecast_finish\r\n";
    for (const HistoryPoint& point : history.commits)
        out += csv_line("commit", point);
    for (const HistoryPoint& point : history.weeks)
        out += csv_line("week", point);
    return out;
}

} // namespace remedy
