// `remedy status ID`: one issue on as_of, everything remedy knows of it, the provider's notes
// included.

#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/escape.h"
#include "remedy/render/judgement_words.h"
#include "remedy/render/text_reports.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

std::string render_issue_text(const Plan& plan, const Judgement& j, std::size_t index,
                              const Style& style) {
    const Issue& issue = plan.issues[index];
    const IssueJudgement& judged = j.issues[index];
    std::string out =
        style.paint(issue_label(issue), Tone::strong) + ": " + terminal_text(issue.title) + "\n";
    // A value's lines (the notes have several) each escaped, and lined up under the first.
    const auto row = [&](std::string_view label, std::string_view value) {
        std::string_view rest = value;
        for (bool first = true; first || !rest.empty(); first = false) {
            const std::size_t newline = rest.find('\n');
            out += fmt::format("  {:<13} {}\n", first ? label : "",
                               terminal_text(rest.substr(0, newline)));
            rest = newline == std::string_view::npos ? "" : rest.substr(newline + 1);
        }
    };
    std::string state(name(judged.state));
    if (judged.overdue)
        state += fmt::format(", {} overdue", plural(judged.days_overdue, "day"));
    row("state", state);
    row("due", due_date_text(issue, judged.dates));
    if (judged.dates.paused_days > 0)
        row("paused", plural(judged.dates.paused_days, "day"));
    if (judged.dates.grace_end != judged.dates.effective_due)
        row("grace end", format_iso_date(judged.dates.grace_end));
    if (judged.state == IssueStatus::resolved)
        row("resolved", format_iso_date(*issue.resolved));
    if (judged.state == IssueStatus::waived)
        row("waived",
            fmt::format("from {}: {}", format_iso_date(issue.waived.value_or(plan.timebox.start)),
                        issue.waiver));
    const IssuePenalty& penalty = judged.penalty;
    if (penalty.late_days > 0 || penalty.missed)
        row("penalty",
            fmt::format("{} ({} x {}{})", money_text(plan, penalty.subtotal),
                        plural(penalty.late_days, "late day"),
                        format_money_grouped(penalty.per_day_rate, plan.contract.minor_digits),
                        penalty.per_miss.minor > 0
                            ? fmt::format(", and {} for the miss",
                                          format_money_grouped(penalty.per_miss,
                                                               plan.contract.minor_digits))
                            : ""));
    else
        row("penalty", "none");
    for (const Pause& pause : plan.pauses) {
        const bool covers =
            pause.covers_every_issue() ||
            std::find(pause.covered.begin(), pause.covered.end(), index) != pause.covered.end();
        if (covers && pause.agreed <= j.as_of)
            row("pause",
                fmt::format("{} to {}{}: {}", format_iso_date(pause.from),
                            format_iso_date(pause.to),
                            pause.reopened ? ", while it stood resolved" : "", pause.reason));
    }
    for (const Warning& warning : j.warnings)
        if (warning.issue == index)
            row("warning", warning_text(plan, j, warning));
    if (!issue.category.empty())
        row("category", issue.category);
    if (!issue.owner.empty())
        row("owner", issue.owner);
    if (!issue.ticket.empty())
        row("ticket", issue.ticket);
    if (const std::string notes = notes_on(issue.notes, j.as_of); !notes.empty())
        row("notes", notes);
    return out;
}

} // namespace remedy
