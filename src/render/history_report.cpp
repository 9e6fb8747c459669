#include "remedy/render/history_report.h"

#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
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

// The deadline of each version where it changed: "2026-11-30 from 2026-10-01 (1a2b3c4)".
std::vector<std::string> deadline_changes(const std::vector<HistoryPoint>& commits) {
    std::vector<std::string> out;
    for (const HistoryPoint* point : deadline_moves(commits))
        out.push_back(fmt::format("{} from {} ({})", format_iso_date(*point->deadline),
                                  format_iso_date(point->day), short_hash(point->commit)));
    return out;
}

// Each commit: its day, hash, author and subject, then one line per change, a flagged one
// marked with '!' and followed by why.
std::string changes_section(const std::vector<HistoryPoint>& commits, const Style& style) {
    std::string out;
    for (const HistoryPoint& point : commits) {
        out += fmt::format("{}  {}  {}: {}\n", format_iso_date(point.day), short_hash(point.commit),
                           style.paint(terminal_text(point.author), Tone::strong),
                           terminal_text(point.subject));
        if (!point.valid)
            out += fmt::format("    {}\n", style.paint("the plan does not read at this commit: " +
                                                           terminal_text(point.error),
                                                       Tone::bad));
        else if (point.changes.empty())
            out += fmt::format("    {}\n",
                               style.paint("no change to what the plan says", Tone::muted));
        if (point.owed_before && *point.owed_before != point.owed)
            out += fmt::format(
                "    {}\n",
                style.paint(fmt::format("owed on {}: {} (was {} before this commit)",
                                        format_iso_date(point.day), owed_text(point),
                                        format_money(*point.owed_before, point.minor_digits)),
                            Tone::strong));
        for (const RecordChange& change : point.changes) {
            if (!change.flags) {
                out += fmt::format("    {}\n", terminal_text(change.text));
                continue;
            }
            out +=
                fmt::format("  {} {}\n", style.paint("!", Tone::bad), terminal_text(change.text));
            out +=
                fmt::format("      {}\n",
                            style.paint(fmt::format("{}: {}", flag_names(change.flags), change.why),
                                        Tone::warn));
        }
    }
    return out;
}

constexpr std::string_view week_column = "week ending";

TextTable point_table(std::string_view first_column, const std::vector<HistoryPoint>& points) {
    TextTable table({{std::string(first_column), Align::left},
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
        if (const std::size_t flagged = flagged_changes(point))
            note = fmt::format("{}{} flagged", note.empty() ? "" : note + "; ", flagged);
        if (date::weekday{point.day} != date::Sunday && first_column == week_column)
            note = note.empty() ? "week to date" : "week to date; " + note;
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
        table.add_row(
            {{format_iso_date(point.day)},
             {short_hash(point.commit)},
             {std::string(name(point.verdict)), tone_of(point.verdict)},
             {std::to_string(point.open)},
             {std::to_string(point.overdue), point.overdue ? Tone::warn : Tone::plain},
             {owed_text(point)},
             {point.warning_given ? fmt::format("{}/{}", point.strikes, point.strike_limit)
                                  : std::string("-")},
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

void json_change(JsonWriter& json, const RecordChange& change);

// A commit's point (with its author and changes) or a week's (with the day it was judged on).
void json_point(JsonWriter& json, const HistoryPoint& point, bool with_commit) {
    const char* day_key = with_commit ? "date" : "week_ending";
    json.begin_object();
    json.key(day_key).value(format_iso_date(with_commit ? point.day : week_end(point.day)));
    json.key("commit").value(point.commit);
    json.key("path").value(point.path);
    if (with_commit) {
        json.key("author").value(point.author);
        json.key("email").value(point.email);
        json.key("subject").value(point.subject);
    } else {
        json.key("judged_on").value(format_iso_date(point.day));
    }
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
    if (with_commit) {
        json.key("owed_before");
        if (point.owed_before)
            json.value(format_money(*point.owed_before, point.minor_digits));
        else
            json.null();
        json.key("changes").begin_array();
        for (const RecordChange& change : point.changes)
            json_change(json, change);
        json.end_array();
    }
    json.end_object();
}

void json_change(JsonWriter& json, const RecordChange& change) {
    const auto text_or_null = [&](const char* key, const std::string& text) {
        json.key(key);
        if (text.empty())
            json.null();
        else
            json.value(text);
    };
    json.begin_object();
    json.key("topic").value(change_topics.name(change.topic));
    json.key("action").value(change_actions.name(change.action));
    text_or_null("subject", change.subject);
    text_or_null("field", change.field);
    text_or_null("before", change.before);
    text_or_null("after", change.after);
    text_or_null("dated", change.dated ? format_iso_date(*change.dated) : std::string());
    json.key("flags").begin_array();
    for (const auto& [flag, word] : change_flags.entries())
        if (change.flags & flag)
            json.value(word);
    json.end_array();
    json.key("text").value(change.text);
    text_or_null("why", change.why);
    json.end_object();
}

// The columns of a CSV line: the figures of a commit or a week, then the commit's author and
// message, then one change.
constexpr std::string_view csv_header =
    "kind,date,commit,path,verdict,issues,open,overdue,owed,currency,strikes,strike_limit,error,"
    "forecast_finish,author,email,message,topic,action,about,field,before,after,dated,flags,"
    "change,why\r\n";

// The columns of the header, and those of the figures before the commit's author.
constexpr std::size_t csv_columns = 27;
constexpr std::size_t csv_figure_columns = 14;
static_assert(std::count(csv_header.begin(), csv_header.end(), ',') + 1 == csv_columns);

std::string csv_line(std::vector<std::string> fields) {
    std::string line;
    for (const std::string& field : fields)
        line += (line.empty() ? "" : ",") + csv_field(field);
    return line + "\r\n";
}

std::vector<std::string> csv_figures(const char* kind, const HistoryPoint& p) {
    std::vector<std::string> fields = {kind, format_iso_date(p.day), p.commit, p.path};
    if (p.valid)
        fields.insert(fields.end(),
                      {std::string(name(p.verdict)), std::to_string(p.issues),
                       std::to_string(p.open), std::to_string(p.overdue), owed_text(p), p.currency,
                       std::to_string(p.strikes), std::to_string(p.strike_limit), std::string(),
                       p.forecast_finish ? format_iso_date(*p.forecast_finish) : std::string()});
    else
        fields.insert(fields.end(), {"invalid", "", "", "", "", "", "", "", p.error, ""});
    return fields;
}

std::string csv_change(const HistoryPoint& p, const RecordChange& change) {
    std::vector<std::string> fields = {"change", format_iso_date(p.day), p.commit, p.path};
    fields.resize(csv_figure_columns);
    fields.insert(fields.end(),
                  {p.author, p.email, p.subject, std::string(change_topics.name(change.topic)),
                   std::string(change_actions.name(change.action)), change.subject, change.field,
                   change.before, change.after,
                   change.dated ? format_iso_date(*change.dated) : std::string(),
                   flag_names(change.flags), change.text, change.why});
    return csv_line(std::move(fields));
}

} // namespace

std::string render_history_text(const PlanHistory& history, const Style& style) {
    const std::string file = terminal_text(history.file);
    const std::string as_of = format_iso_date(history.as_of);
    if (history.view != HistoryView::everything) {
        std::string out;
        if (history.view == HistoryView::flagged) {
            std::size_t flagged = 0;
            for (const HistoryPoint& point : history.commits)
                flagged += point.changes.size();
            out = history.commits.empty()
                      ? fmt::format("No commit of {} up to {} carries a flag.\n", file, as_of)
                      : fmt::format(
                            "Flagged changes to {} up to {}: {} in {}\n\n", file, as_of, flagged,
                            plural(static_cast<long long>(history.commits.size()), "commit"));
        } else {
            out = fmt::format("The story of {} in {} up to {}, commit by commit\n\n",
                              terminal_text(history.issue), file, as_of);
        }
        return out + changes_section(history.commits, style);
    }
    std::string out;
    if (history.commits.empty()) {
        out += fmt::format("No commit changed {} in the days asked for.\n", file);
    } else {
        out += fmt::format("History of {} up to {}: {} from {} to {}\n", file, as_of,
                           plural(static_cast<long long>(history.commits.size()), "commit"),
                           format_iso_date(history.commits.front().day),
                           format_iso_date(history.commits.back().day));
        const std::vector<std::string> deadlines = deadline_changes(history.commits);
        if (deadlines.size() == 1 && history.deadline)
            out += fmt::format("Deadline: {}\n", format_iso_date(*history.deadline));
        else if (!deadlines.empty())
            out +=
                fmt::format("Deadline, as each version set it: {}\n", fmt::join(deadlines, "; "));
        out += "\n";
        out += point_table("date", history.commits).render(style, "  ");
        out += "\nWhat each commit changed\n";
        out += changes_section(history.commits, style);
    }
    if (!history.weeks.empty()) {
        out += "\nWeekly burndown (the newest version of each week, judged on its Sunday, or on " +
               as_of + " for a week not yet ended)\n";
        out += point_table(week_column, history.weeks).render(style, "  ");
        out += "\n" + weekly_chart(history.weeks, style);
    }
    return out;
}

std::string render_history_json(const PlanHistory& history) {
    JsonWriter json;
    json.begin_object();
    json.key("plan").value(history.file);
    for (const auto& [key, name] :
         {std::pair{"client", &history.client}, std::pair{"provider", &history.provider}}) {
        json.key(key);
        if (name->empty())
            json.null();
        else
            json.value(*name);
    }
    json.key("as_of").value(format_iso_date(history.as_of));
    json.key("view").value(history.view == HistoryView::everything ? "all"
                           : history.view == HistoryView::flagged  ? "flagged"
                                                                   : "issue");
    json.key("issue");
    if (history.view == HistoryView::one_issue)
        json.value(history.issue);
    else
        json.null();
    if (history.deadline)
        json.key("deadline").value(format_iso_date(*history.deadline));
    else
        json.key("deadline").null();
    json.key("commits").begin_array();
    for (const HistoryPoint& point : history.commits)
        json_point(json, point, true);
    json.end_array();
    json.key("weeks").begin_array();
    for (const HistoryPoint& point : history.weeks)
        json_point(json, point, false);
    json.end_array();
    json.end_object();
    return json.finish();
}

std::string render_history_csv(const PlanHistory& history) {
    std::string out(csv_header);
    for (const HistoryPoint& point : history.commits) {
        std::vector<std::string> fields = csv_figures("commit", point);
        fields.insert(fields.end(), {point.author, point.email, point.subject});
        fields.resize(csv_columns);
        out += csv_line(std::move(fields));
        for (const RecordChange& change : point.changes)
            out += csv_change(point, change);
    }
    for (const HistoryPoint& point : history.weeks) {
        std::vector<std::string> fields = csv_figures("week", point);
        fields.resize(csv_columns);
        out += csv_line(std::move(fields));
    }
    return out;
}

} // namespace remedy
