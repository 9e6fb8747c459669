#include "remedy/render/history_report.h"

#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/escape.h"
#include "remedy/render/text_reports.h"
#include "remedy/render/text_table.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

std::string short_hash(const std::string& commit) {
    return commit.substr(0, 7);
}

// An amount of a version for a person: "20,000.00 USD".
std::string money_words(Money amount, const HistoryPoint& point) {
    return fmt::format("{} {}", format_money_grouped(amount, point.minor_digits),
                       terminal_text(point.currency));
}

std::string owed_text(const HistoryPoint& point) {
    return money_words(point.owed, point);
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

// "Pat Doe (provider)": the author and, when authorship is checked, the party the commit is
// of; then who committed it, when another did.
std::string commit_by(const HistoryPoint& point, const Style& style) {
    std::string out = style.paint(terminal_text(point.author), Tone::strong);
    if (point.party)
        out +=
            fmt::format(" ({}{})",
                        *point.party == Party::unknown ? "neither party"
                                                       : std::string(parties.name(*point.party)),
                        point.signer.empty() ? "" : ", signed by " + terminal_text(point.signer));
    return out;
}

// A flag's line: '!' then the words, and the flags and why under them.
std::string flagged_line(std::string_view words, unsigned flags, std::string_view why,
                         const Style& style) {
    return fmt::format(
        "  {} {}\n      {}\n", style.paint("!", Tone::bad), words,
        style.paint(fmt::format("{}: {}", flag_names(flags), terminal_text(why)), Tone::warn));
}

// Each commit: its day, hash, author and subject, its own flags, the commits a merge brought
// in, then one line per change, a flagged one marked with '!' and followed by why.
std::string changes_section(const std::vector<HistoryPoint>& commits, const Style& style) {
    std::string out;
    for (const HistoryPoint& point : commits) {
        out += fmt::format("{}  {}  {}: {}\n", format_iso_date(point.day), short_hash(point.commit),
                           commit_by(point, style), terminal_text(point.subject));
        if (!point.committer.empty())
            out += fmt::format("    committed by {} <{}>\n", terminal_text(point.committer),
                               terminal_text(point.committer_email));
        if (point.flags)
            out += flagged_line("the commit itself", point.flags, point.why, style);
        if (!point.side_commits.empty())
            out += fmt::format("    merges {}:\n",
                               plural(static_cast<long long>(point.side_commits.size()), "commit"));
        for (const SideCommit& side : point.side_commits)
            out += fmt::format("      {}  {}  {}: {}\n", format_iso_date(side.day),
                               short_hash(side.commit), terminal_text(side.author),
                               terminal_text(side.subject));
        if (!point.valid)
            out += fmt::format("    {}\n", style.paint("the plan does not read at this commit: " +
                                                           terminal_text(point.error),
                                                       Tone::bad));
        else if (point.changes.empty() && !point.flags)
            out += fmt::format("    {}\n",
                               style.paint("no change to what the plan says", Tone::muted));
        if (point.owed_before && *point.owed_before != point.owed)
            out += fmt::format("    {}\n",
                               style.paint(fmt::format("owed on {}: {} (was {} before this commit)",
                                                       format_iso_date(point.day), owed_text(point),
                                                       money_words(*point.owed_before, point)),
                                           Tone::strong));
        for (const RecordChange& change : point.changes) {
            if (!change.flags)
                out += fmt::format("    {}\n", terminal_text(change.text));
            else
                out += flagged_line(terminal_text(change.text), change.flags, change.why, style);
        }
    }
    return out;
}

// What the record can and cannot tell, under the header: the commits left out, and how the
// parties are told apart.
std::string record_notes(const PlanHistory& history) {
    std::string out;
    if (history.left_out)
        out += fmt::format("{} dated after {} left out.\n",
                           plural(static_cast<long long>(history.left_out), "later commit"),
                           format_iso_date(history.as_of));
    if (!history.authorship_checked)
        out += "Who recorded what is not checked: the plan names no [client] people.\n";
    else if (!history.signatures_checked)
        out += "Parties are told by the author's address ([client] and [provider] people); "
               "without [audit] signers an author line is only a claim.\n";
    else
        out += "Parties are told by SSH signatures checked against [audit] signers.\n";
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
        // The commit's own flags (its date, a link, no signature) are said too: the flagged view
        // lists such a commit, so the table must not show it clean.
        if (point.flags)
            note = fmt::format("{}commit flagged", note.empty() ? "" : note + "; ");
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

} // namespace

std::string render_history_text(const PlanHistory& history, const Style& style) {
    const std::string file = terminal_text(history.file);
    const std::string as_of = format_iso_date(history.as_of);
    if (history.view != HistoryView::everything) {
        std::string out;
        if (history.view == HistoryView::flagged) {
            std::size_t flagged = 0;
            std::size_t own = 0;
            for (const HistoryPoint& point : history.commits) {
                flagged += point.changes.size();
                own += point.flags != 0;
            }
            out = history.commits.empty()
                      ? fmt::format("No commit of {} up to {} carries a flag.\n", file, as_of)
                      : fmt::format(
                            "Flagged changes to {} up to {}: {} in {}{}\n", file, as_of, flagged,
                            plural(static_cast<long long>(history.commits.size()), "commit"),
                            own ? fmt::format("; {} flagged {}", plural(own, "commit"),
                                              own == 1 ? "itself" : "themselves")
                                : "");
        } else {
            out = fmt::format("The story of {} in {} up to {}, commit by commit\n",
                              terminal_text(history.issue), file, as_of);
        }
        return out + record_notes(history) + "\n" + changes_section(history.commits, style);
    }
    std::string out;
    if (history.commits.empty()) {
        out += fmt::format("No commit changed {} in the days asked for.\n", file);
        out += record_notes(history);
    } else {
        out += fmt::format("History of {} up to {}: {} from {} to {}\n", file, as_of,
                           plural(static_cast<long long>(history.commits.size()), "commit"),
                           format_iso_date(history.commits.front().day),
                           format_iso_date(history.commits.back().day));
        out += record_notes(history);
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

std::string render_history_changes(const std::vector<HistoryPoint>& commits, const Style& style) {
    return changes_section(commits, style);
}

std::string last_commit_warning(const HistoryPoint& commit) {
    const std::size_t changes = flagged_changes(commit);
    std::string what;
    if (commit.flags)
        what = fmt::format("the last commit of the plan ({}) is flagged {}",
                           short_hash(commit.commit), flag_names(commit.flags));
    if (changes)
        what += what.empty() ? fmt::format("{} in the last commit of the plan ({}) {} flagged",
                                           plural(static_cast<long long>(changes), "change"),
                                           short_hash(commit.commit), changes == 1 ? "is" : "are")
                             : fmt::format(", and {} of its changes", changes);
    return what.empty() ? std::string() : what + ": remedy history --flagged";
}

} // namespace remedy
