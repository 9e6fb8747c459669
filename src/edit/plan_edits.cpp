#include "remedy/edit/plan_edits.h"

#include "fact_edit.h"
#include "key_edits.h"
#include "remedy/edit/text_edit.h"
#include "remedy/model/dates.h"
#include "remedy/model/timebox.h"
#include "remedy/model/wording.h"
#include "remedy/util/ascii.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

// The edit that sets an issue's status, keeping the file's quoting.
TextEdit status_edit(std::string_view text, const Issue& issue, std::string_view status) {
    return set_key(text, issue.where, "status",
                   string_like(quoting_of(text, issue.where, "status"), status));
}

// `edits` and, last (a new key goes after the others), the note.
std::vector<TextEdit> with_note(std::vector<TextEdit> edits, std::string_view text,
                                const Issue& issue, date::sys_days day, std::string_view event,
                                std::string_view note) {
    if (auto noted = note_edit(text, issue.where, issue.notes, day, event, note))
        edits.push_back(*noted);
    return edits;
}

// What a note given with a fact already recorded becomes: nothing, said.
std::string note_left_out(std::string_view note) {
    return note.empty() ? "" : " (the note is not added)";
}

} // namespace

PlanChange already_recorded(std::string_view text, std::string summary) {
    return PlanChange{std::string(text), std::move(summary)};
}

Expected<FactEdit> resolution_edit(std::string_view text, const Issue& issue, date::sys_days on,
                                   std::string_view note) {
    if (issue.status == IssueStatus::resolved)
        return fail(fmt::format("{} is already resolved on {}, not {}; to change the day, reopen "
                                "it with --never-fixed and resolve it again",
                                issue.id, format_iso_date(*issue.resolved), format_iso_date(on)));
    if (issue.status == IssueStatus::waived)
        return fail(fmt::format("{} is waived; reopen it first to resolve it", issue.id));
    return FactEdit{with_note({status_edit(text, issue, "resolved"),
                               set_key(text, issue.where, "resolved", format_iso_date(on))},
                              text, issue, on, "resolved", note),
                    fmt::format("{} resolved on {}", issue_label(issue), format_iso_date(on))};
}

Expected<FactEdit> start_edit(std::string_view text, const Issue& issue, date::sys_days on,
                              std::string_view note) {
    if (issue.status != IssueStatus::open)
        return fail(
            fmt::format("{} is {}, not open: nothing to start", issue.id, name(issue.status)));
    return FactEdit{
        with_note({status_edit(text, issue, "in_progress")}, text, issue, on, "started", note),
        fmt::format("{} in progress", issue_label(issue))};
}

Expected<PlanChange> resolve_issue(const Plan& plan, std::string_view text, std::string_view id,
                                   date::sys_days on, std::string_view note) {
    TRY_ASSIGN(const Issue* found, find_issue(plan, id));
    const Issue& issue = *found;
    if (issue.status == IssueStatus::resolved && issue.resolved == on)
        return already_recorded(text, fmt::format("{} is already resolved on {}{}", issue.id,
                                                  format_iso_date(on), note_left_out(note)));
    TRY_ASSIGN(const FactEdit edit, resolution_edit(text, issue, on, note));
    return PlanChange{apply_edits(text, edit.edits), edit.summary};
}

Expected<PlanChange> start_issue(const Plan& plan, std::string_view text, std::string_view id,
                                 date::sys_days on, std::string_view note) {
    TRY_ASSIGN(const Issue* found, find_issue(plan, id));
    const Issue& issue = *found;
    if (issue.status == IssueStatus::in_progress)
        return already_recorded(
            text, fmt::format("{} is already in progress{}", issue.id, note_left_out(note)));
    TRY_ASSIGN(const FactEdit edit, start_edit(text, issue, on, note));
    return PlanChange{apply_edits(text, edit.edits), edit.summary};
}

Expected<PlanChange> reopen_issue(const Plan& plan, std::string_view text, std::string_view id,
                                  const Reopening& reopening) {
    TRY_ASSIGN(const Issue* found, find_issue(plan, id));
    const Issue& issue = *found;
    if (issue.status != IssueStatus::resolved && issue.status != IssueStatus::waived)
        return fail(fmt::format("{} is {}, not resolved or waived: nothing to reopen", issue.id,
                                name(issue.status)));
    const date::sys_days on = reopening.on;
    if (issue.resolved && on < *issue.resolved)
        return fail(fmt::format("--on {} is before {} was resolved ({})", format_iso_date(on),
                                issue.id, format_iso_date(*issue.resolved)));
    const std::string note = reopening.note.empty()
                                 ? reopening.reason
                                 : fmt::format("{} ({})", reopening.reason, reopening.note);
    std::vector<TextEdit> edits = {status_edit(text, issue, "open")};
    for (std::string_view key : {"resolved", "waived", "waiver"})
        if (auto removal = remove_key(text, issue.where, key))
            edits.push_back(*removal);
    edits = with_note(std::move(edits), text, issue, on, "reopened", note);
    std::string summary = fmt::format("{} reopened on {} (was {}): {}", issue_label(issue),
                                      format_iso_date(on), name(issue.status), reopening.reason);
    // The days it stood resolved: from the day after the resolution to the day before today's.
    if (issue.resolved && !reopening.never_fixed && *issue.resolved + date::days{1} < on) {
        const date::sys_days from = *issue.resolved + date::days{1};
        const date::sys_days to = on - date::days{1};
        if (from > final_deadline(plan))
            return fail(fmt::format(
                "{} was resolved after the deadline ({}): there is no time left to pause; "
                "give --never-fixed to reopen it as never resolved",
                issue.id, format_iso_date(final_deadline(plan))));
        edits.push_back(pause_table(
            plan, text,
            {"[[pause]]", "from = " + format_iso_date(from), "to = " + format_iso_date(to),
             "issues = [" + toml_string(issue.id) + "]",
             "reason = " +
                 toml_string(fmt::format("{} stood resolved until reopened on {}: {}", issue.id,
                                         format_iso_date(on), reopening.reason)),
             "reopened = " + format_iso_date(on) +
                 "   # written by remedy reopen: paused while it stood resolved"}));
        summary += fmt::format("; the days it stood resolved, {} to {}, are paused",
                               format_iso_date(from), format_iso_date(to));
    }
    return PlanChange{apply_edits(text, edits), summary};
}

Expected<PlanChange> waive_issue(const Plan& plan, std::string_view text, std::string_view id,
                                 std::string_view reason, date::sys_days on,
                                 std::string_view note) {
    TRY_ASSIGN(const Issue* found, find_issue(plan, id));
    const Issue& issue = *found;
    if (issue.status == IssueStatus::waived && issue.waived == on && issue.waiver == reason)
        return already_recorded(text,
                                fmt::format("{} is already waived from {}: {}{}", issue.id,
                                            format_iso_date(on), reason, note_left_out(note)));
    if (issue.status == IssueStatus::waived)
        return fail(fmt::format("{} is already waived{}{}; reopen it first to waive it again",
                                issue.id,
                                issue.waived ? " from " + format_iso_date(*issue.waived) : "",
                                issue.waiver.empty() ? "" : ": " + issue.waiver));
    if (issue.status == IssueStatus::resolved)
        return fail(fmt::format("{} is resolved; reopen it first to waive it", issue.id));
    const std::vector<TextEdit> edits =
        with_note({status_edit(text, issue, "waived"),
                   set_key(text, issue.where, "waived", format_iso_date(on)),
                   set_key(text, issue.where, "waiver", toml_string(reason))},
                  text, issue, on, "waived", note);
    return PlanChange{
        apply_edits(text, edits),
        fmt::format("{} waived from {}: {}", issue_label(issue), format_iso_date(on), reason)};
}

Expected<PlanChange> remove_issue(const Plan& plan, std::string_view text, std::string_view id) {
    TRY_ASSIGN(const Issue* found, find_issue(plan, id));
    const Issue& issue = *found;
    for (const Pause& pause : plan.pauses)
        for (const std::string& named : pause.issues)
            if (to_lower_ascii(named) == to_lower_ascii(issue.id))
                return fail(fmt::format("{} is named by the pause from {} (line {}); take it out "
                                        "of that pause first",
                                        issue.id, format_iso_date(pause.from),
                                        pause.where.table.begin.line));
    // From the table's header to the line after its last key, and the blank line before it.
    std::size_t begin = start_of_line(text, byte_offset(text, issue.where.table.begin));
    std::size_t end = after_last_key(text, issue.where);
    const std::string_view eol = line_ending(text);
    if (begin >= eol.size() && text.substr(begin - eol.size(), eol.size()) == eol) {
        const std::size_t previous = start_of_line(text, begin - eol.size());
        if (previous + eol.size() == begin)
            begin = previous; // a blank line
    }
    if (end == text.size() && !text.ends_with('\n') && begin >= eol.size())
        begin -= eol.size(); // the file keeps ending without a newline
    return PlanChange{apply_edits(text, {TextEdit{begin, end - begin, ""}}),
                      fmt::format("{} removed: {}", issue_label(issue), issue.title)};
}

Expected<PlanChange> set_issue(const Plan& plan, std::string_view text, std::string_view id,
                               const IssueFields& fields) {
    TRY_ASSIGN(const Issue* found, find_issue(plan, id));
    const Issue& issue = *found;
    std::vector<TextEdit> edits;
    std::vector<std::string> set, removed;
    const auto set_text = [&](std::string_view key, const std::optional<std::string>& value,
                              bool removable) {
        if (!value)
            return;
        if (value->empty() && removable) {
            removed.push_back(std::string(key));
            if (auto removal = remove_key(text, issue.where, key))
                edits.push_back(*removal);
            return;
        }
        set.push_back(std::string(key));
        edits.push_back(set_key(text, issue.where, key,
                                string_like(quoting_of(text, issue.where, key), *value)));
    };
    set_text("title", fields.title, false);
    if (fields.priority)
        set_text("priority", std::string(name(*fields.priority)), false);
    if (fields.due) {
        set.push_back("due");
        edits.push_back(set_key(text, issue.where, "due", format_iso_date(*fields.due)));
    }
    set_text("owner", fields.owner, true);
    set_text("category", fields.category, true);
    set_text("notes", fields.notes, true);
    set_text("ticket", fields.ticket, true);
    const auto joined = [](const std::vector<std::string>& keys) {
        std::string list;
        for (std::size_t i = 0; i < keys.size(); ++i)
            list += (i ? ", " : "") + keys[i];
        return list;
    };
    std::string list;
    if (!set.empty())
        list = "set " + joined(set);
    if (!removed.empty())
        list += (list.empty() ? "removed " : "; removed ") + joined(removed);
    if (list.empty())
        return fail("nothing to set: give --title, --priority, --due, --owner, --category, "
                    "--notes or --ticket");
    return PlanChange{apply_edits(text, edits), fmt::format("{}: {}", issue_label(issue), list)};
}

Expected<PlanChange> add_issue(const Plan& plan, std::string_view text, const NewIssue& wanted) {
    // The same issue added again (its id when one is given, its title, priority and due date):
    // already there.
    for (const Issue& issue : plan.issues)
        if ((wanted.id.empty() || to_lower_ascii(wanted.id) == to_lower_ascii(issue.id)) &&
            issue.title == wanted.title && issue.priority == wanted.priority &&
            issue.due == wanted.due)
            return already_recorded(text, fmt::format("{} ({}) is already in the plan, due {}: {}",
                                                      issue.id, name(issue.priority),
                                                      format_iso_date(issue.due), issue.title));
    std::string id = wanted.id;
    if (id.empty()) {
        // The prefix the category's issues already use, else the category's first letters.
        std::string prefix;
        for (const Issue& issue : plan.issues)
            if (!wanted.category.empty() && issue.category == wanted.category &&
                issue.id.find('-') != std::string::npos)
                prefix = issue.id.substr(0, issue.id.rfind('-'));
        if (prefix.empty())
            for (char c : wanted.category)
                if (prefix.size() < 3 && std::isalnum(static_cast<unsigned char>(c)))
                    prefix += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (prefix.empty())
            prefix = "ISSUE";
        int next = 1;
        for (const Issue& issue : plan.issues)
            if (issue.id.rfind(prefix + "-", 0) == 0) {
                const std::string number = issue.id.substr(prefix.size() + 1);
                if (!number.empty() && number.size() < 9 &&
                    std::all_of(number.begin(), number.end(), ::isdigit))
                    next = std::max(next, std::stoi(number) + 1);
            }
        id = fmt::format("{}-{}", prefix, next);
    }
    std::vector<std::string> lines = {"[[issue]]", "id = " + toml_string(id),
                                      "title = " + toml_string(wanted.title),
                                      fmt::format("priority = \"{}\"", name(wanted.priority)),
                                      "due = " + format_iso_date(wanted.due)};
    if (!wanted.category.empty())
        lines.push_back("category = " + toml_string(wanted.category));
    if (!wanted.owner.empty())
        lines.push_back("owner = " + toml_string(wanted.owner));
    if (!wanted.notes.empty())
        lines.push_back("notes = " + toml_string(wanted.notes));
    if (!wanted.ticket.empty())
        lines.push_back("ticket = " + toml_string(wanted.ticket));
    return PlanChange{apply_edits(text, {append_table(text, lines)}),
                      fmt::format("{} ({}) added, due {}: {}", id, name(wanted.priority),
                                  format_iso_date(wanted.due), wanted.title)};
}

} // namespace remedy
