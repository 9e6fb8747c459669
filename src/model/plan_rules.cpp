#include "remedy/model/plan_rules.h"

#include "remedy/model/lateness.h"
#include "remedy/model/penalty.h"
#include "remedy/model/ticket_import.h"
#include "remedy/model/timebox.h"
#include "remedy/util/ascii.h"
#include "rule_checker.h"

#include <unordered_map>

namespace remedy {

namespace {

constexpr date::sys_days last_supported{last_supported_day};

} // namespace

// The reader keeps start + days + every extension inside the supported years; rolled to the
// next working day, the deadline can still pass 9999-12-31 (a holiday on the last day). Checked
// at the value that takes it past: timebox.days, or the extension agreed last.
void RuleChecker::deadline_within_years() {
    if (!deadline_known())
        return;
    const Timebox& timebox = plan_.timebox;
    const WorkingDays working_days(plan_.calendar);
    const std::vector<std::size_t> order = extensions_in_agreed_order(timebox);
    int days = timebox.days;
    for (std::size_t k = 0; k <= order.size(); ++k) {
        // The deadline with the first k extensions in the order they were agreed.
        if (k > 0)
            days += timebox.extensions[order[k - 1]].days;
        if (working_days.roll(timebox.start + date::days{days}) <= last_supported)
            continue;
        if (k == 0)
            error(timebox.where.value_of("days"),
                  fmt::format("the time box of {} days from {} ends on a day off, and the next "
                              "working day is after 9999-12-31, the last day remedy accepts",
                              timebox.days, format_iso_date(timebox.start)));
        else
            error(timebox.extensions[order[k - 1]].where.value_of("days"),
                  fmt::format("with this extension of {} days the deadline falls on a day off, "
                              "and the next working day is after 9999-12-31, the last day "
                              "remedy accepts",
                              timebox.extensions[order[k - 1]].days));
        deadline_within_years_ = false;
        return;
    }
}

// timebox.start <= due <= the deadline with every extension.
void RuleChecker::due_inside_timebox() {
    if (!complete_.timebox_start)
        return;
    const date::sys_days start = plan_.timebox.start;
    const bool known = deadline_known();
    const date::sys_days end = known ? last_deadline() : start;
    for (std::size_t i = 0; i < plan_.issues.size(); ++i) {
        const Issue& issue = plan_.issues[i];
        if (!valid(i).due)
            continue;
        if (issue.due < start)
            error(issue.where.value_of("due"),
                  fmt::format("issue {} is due {}, before the time box starts on {}", named(issue),
                              format_iso_date(issue.due), format_iso_date(start)));
        else if (known && issue.due > end)
            error(issue.where.value_of("due"),
                  fmt::format("issue {} is due {}, after the deadline {}; the time box can "
                              "only grow by a [[timebox.extension]]",
                              named(issue), format_iso_date(issue.due), format_iso_date(end)));
    }
}

// `resolved` is required when status = "resolved", forbidden otherwise, and not before the
// time box starts.
void RuleChecker::resolution_matches_status() {
    for (std::size_t i = 0; i < plan_.issues.size(); ++i) {
        const Issue& issue = plan_.issues[i];
        if (!valid(i).status || !valid(i).resolved)
            continue;
        if (issue.status == IssueStatus::resolved && !issue.resolved)
            error(issue.where.value_of("status"),
                  fmt::format("issue {} is resolved but has no resolved date; add "
                              "resolved = YYYY-MM-DD",
                              named(issue)));
        if (issue.status != IssueStatus::resolved && issue.resolved)
            error(issue.where.value_of("resolved"),
                  fmt::format("issue {} has a resolved date but its status is {}; set "
                              "status = \"resolved\" or remove the date",
                              named(issue), name(issue.status)));
        if (complete_.timebox_start && issue.resolved && *issue.resolved < plan_.timebox.start)
            error(issue.where.value_of("resolved"),
                  fmt::format("issue {} is resolved on {}, before the time box starts on {}",
                              named(issue), format_iso_date(*issue.resolved),
                              format_iso_date(plan_.timebox.start)));
    }
}

// `waived` only with status = "waived", and timebox.start <= waived <= the deadline with every
// extension: nothing is agreed after the time box has ended.
void RuleChecker::waiver_matches_status() {
    for (std::size_t i = 0; i < plan_.issues.size(); ++i) {
        const Issue& issue = plan_.issues[i];
        if (!valid(i).status || !valid(i).waived || !issue.waived)
            continue;
        const SourcePos at = issue.where.value_of("waived");
        if (issue.status != IssueStatus::waived) {
            error(at, fmt::format("issue {} has a waived date but its status is {}; set "
                                  "status = \"waived\" or remove the date",
                                  named(issue), name(issue.status)));
            continue;
        }
        if (complete_.timebox_start && *issue.waived < plan_.timebox.start)
            error(at, fmt::format("issue {} is waived on {}, before the time box starts on {}",
                                  named(issue), format_iso_date(*issue.waived),
                                  format_iso_date(plan_.timebox.start)));
        else if (deadline_known() && *issue.waived > last_deadline())
            error(at, fmt::format("issue {} is waived on {}, after the deadline {}: nothing is "
                                  "agreed after the time box has ended",
                                  named(issue), format_iso_date(*issue.waived),
                                  format_iso_date(last_deadline())));
    }
}

// Ids are unique; ids that differ only in case are refused too, since people type them.
void RuleChecker::unique_ids() {
    // Hashed: an ordered map's node and comparisons per issue showed on 10,000 issues. The
    // messages come in the plan's order whatever the container.
    std::unordered_map<std::string, const Issue*> seen;
    seen.reserve(plan_.issues.size());
    for (std::size_t i = 0; i < plan_.issues.size(); ++i) {
        const Issue& issue = plan_.issues[i];
        if (issue.id.empty())
            continue;
        const auto [it, inserted] = seen.emplace(to_lower_ascii(issue.id), &issue);
        if (inserted)
            continue;
        const Issue& first = *it->second;
        error(issue.where.value_of("id"),
              first.id == issue.id
                  ? fmt::format("issue id {} is used twice (first at line {})", issue.id,
                                first.where.value_of("id").line)
                  : fmt::format("issue id {} differs only in case from {} (line {})", issue.id,
                                first.id, first.where.value_of("id").line));
    }
}

// (v3) An issue's ticket is the provider's for that issue alone: `remedy import` finds the issue
// by it, compared as the import compares tickets (in any case, blanks around it ignored).
void RuleChecker::unique_tickets() {
    std::unordered_map<std::string, const Issue*> seen;
    for (const Issue& issue : plan_.issues) {
        if (issue.ticket.empty())
            continue;
        const auto [it, inserted] = seen.emplace(import_key(issue.ticket), &issue);
        if (!inserted)
            error(issue.where.value_of("ticket"),
                  fmt::format("issue {} has the ticket {} of issue {} (line {}); a ticket is one "
                              "issue's",
                              named(issue), issue.ticket, named(*it->second),
                              it->second->where.value_of("ticket").line));
    }
}

// Every date remedy writes (an effective due date, a grace end) stays in the years it reads.
void RuleChecker::dates_within_years() {
    if (!deadline_known() || !complete_.penalties || !complete_.pauses_resolved ||
        !pauses_consistent_)
        return;
    const Timeline latest(plan_, last_deadline() + date::days{1});
    for (std::size_t i = 0; i < plan_.issues.size(); ++i) {
        const Issue& issue = plan_.issues[i];
        if (!valid(i).all())
            continue;
        if (dates_of(latest, i).grace_end > last_supported)
            error(issue.where.value_of("due"),
                  fmt::format("issue {} is due {}; with penalties.grace_days = {} its grace ends "
                              "after 9999-12-31, the last day remedy accepts",
                              named(issue), format_iso_date(issue.due),
                              plan_.penalties.grace_days));
    }
}

// Penalties stop growing at the deadline, and nothing but a pause, a calendar or a waiver makes
// them smaller: judged the day after the last deadline with every day counted and nothing
// excused (a waived issue up to its waiver date), each issue owes the most any day can give. If the
// sum of that fits in 64 bits, every judgement of this plan is exact.
void RuleChecker::penalties_computable() {
    if (!deadline_known() || !complete_.penalties || !complete_.pauses_resolved ||
        !pauses_consistent_)
        return;
    const Timeline most(plan_, last_deadline() + date::days{1}, Excusals::ignored);
    Money total;
    for (std::size_t i = 0; i < plan_.issues.size(); ++i) {
        const Issue& issue = plan_.issues[i];
        // A waived issue counts too: it owes what it owed up to its waiver date.
        if (!valid(i).all())
            continue;
        const std::optional<IssuePenalty> line = checked_penalty_of(most, i, dates_of(most, i));
        const std::optional<Money> sum = line ? checked_add(total, line->subtotal) : std::nullopt;
        if (!sum) {
            error(issue.where.value_of("priority"),
                  fmt::format("the penalties of issue {} ({}) are too large to compute "
                              "exactly; lower penalties.per_day or penalties.per_miss",
                              named(issue), name(issue.priority)));
            return;
        }
        total = *sum;
    }
}

void RuleChecker::has_issues() {
    // Only for an otherwise valid plan: with errors, a missing issue is rarely the news.
    if (plan_.issues.empty() && !has_errors(diagnostics_))
        warning(SourcePos{1, 1}, "the plan lists no [[issue]]; the verdict can only be "
                                 "remediated or terminate");
}

void check_plan_rules(const Plan& plan, const ReadCompleteness& complete,
                      Diagnostics& diagnostics) {
    RuleChecker rules(plan, complete, diagnostics);
    rules.deadline_within_years();
    rules.due_inside_timebox();
    rules.resolution_matches_status();
    rules.waiver_matches_status();
    rules.unique_ids();
    rules.unique_tickets();
    rules.extensions_agreed_in_time();
    rules.ultimatum_within_timebox();
    rules.incidents_consistent();
    rules.pauses_within_timebox();
    rules.dates_within_years();
    rules.penalties_computable();
    rules.credits_within_owed();
    rules.has_issues();
}

} // namespace remedy
