#include "remedy/model/plan_rules.h"

#include "remedy/model/dates.h"
#include "remedy/model/lateness.h"
#include "remedy/model/penalty.h"
#include "remedy/model/timebox.h"
#include "remedy/util/ascii.h"

#include <fmt/format.h>
#include <unordered_map>

namespace remedy {

namespace {

class RuleChecker {
public:
    RuleChecker(const Plan& plan, const ReadCompleteness& complete, Diagnostics& diagnostics)
        : plan_(plan), complete_(complete), diagnostics_(diagnostics) {}

    void error(SourcePos pos, std::string message) {
        diagnostics_.push_back({Severity::error, plan_.file, pos, std::move(message)});
    }
    void warning(SourcePos pos, std::string message) {
        diagnostics_.push_back({Severity::warning, plan_.file, pos, std::move(message)});
    }

    const ReadCompleteness::Issue& valid(std::size_t i) const { return complete_.issues[i]; }

    // How a message names an issue: its id, or its place when the id itself is invalid.
    static std::string named(const Issue& issue) {
        return issue.id.empty() ? fmt::format("at line {}", issue.where.table.begin.line)
                                : issue.id;
    }

    // timebox.start <= due <= deadline.
    void due_inside_timebox() {
        if (!complete_.timebox_start)
            return;
        const date::sys_days start = plan_.timebox.start;
        const date::sys_days end = deadline(plan_.timebox);
        for (std::size_t i = 0; i < plan_.issues.size(); ++i) {
            const Issue& issue = plan_.issues[i];
            if (!valid(i).due)
                continue;
            if (issue.due < start)
                error(issue.where.value_of("due"),
                      fmt::format("issue {} is due {}, before the time box starts on {}",
                                  named(issue), format_iso_date(issue.due),
                                  format_iso_date(start)));
            else if (complete_.deadline && issue.due > end)
                error(issue.where.value_of("due"),
                      fmt::format("issue {} is due {}, after the deadline {}; the time box can "
                                  "only grow by a [[timebox.extension]]",
                                  named(issue), format_iso_date(issue.due), format_iso_date(end)));
            // Every date remedy writes (here grace_until) stays in the years it reads.
            if (complete_.penalties &&
                grace_until(issue, plan_.penalties.grace_days) > last_supported_day_)
                error(issue.where.value_of("due"),
                      fmt::format("issue {} is due {}; with penalties.grace_days = {} its grace "
                                  "ends after 9999-12-31, the last day remedy accepts",
                                  named(issue), format_iso_date(issue.due),
                                  plan_.penalties.grace_days));
        }
    }

    // `resolved` is required when status = "resolved", forbidden otherwise, and not before the
    // time box starts.
    void resolution_matches_status() {
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

    // Ids are unique; ids that differ only in case are refused too, since people type them.
    void unique_ids() {
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

    // Penalties stop growing at the deadline, so the judgement the day after it is the largest
    // any day can give. If that fits in 64 bits, every judgement of this plan is exact.
    void penalties_computable() {
        if (!complete_.deadline || !complete_.penalties)
            return;
        const date::sys_days end = deadline(plan_.timebox);
        const date::sys_days latest = end + date::days{1};
        Money total;
        for (std::size_t i = 0; i < plan_.issues.size(); ++i) {
            const Issue& issue = plan_.issues[i];
            if (!valid(i).all() || issue.status == IssueStatus::waived)
                continue;
            const std::optional<IssuePenalty> line =
                checked_penalty_of(issue, plan_.penalties, end, latest);
            const std::optional<Money> sum =
                line ? checked_add(total, line->subtotal) : std::nullopt;
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

    void has_issues() {
        // Only for an otherwise valid plan: with errors, a missing issue is rarely the news.
        if (plan_.issues.empty() && !has_errors(diagnostics_))
            warning(SourcePos{1, 1}, "the plan lists no [[issue]]; the verdict can only be "
                                     "remediated or terminate");
    }

private:
    static constexpr date::sys_days last_supported_day_{last_supported_day};
    const Plan& plan_;
    const ReadCompleteness& complete_;
    Diagnostics& diagnostics_;
};

} // namespace

void check_plan_rules(const Plan& plan, const ReadCompleteness& complete,
                      Diagnostics& diagnostics) {
    RuleChecker rules(plan, complete, diagnostics);
    rules.due_inside_timebox();
    rules.resolution_matches_status();
    rules.unique_ids();
    rules.penalties_computable();
    rules.has_issues();
}

} // namespace remedy
