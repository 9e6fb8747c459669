#include "remedy/render/edit_consequences.h"

#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/judgement_words.h"
#include "remedy/util/ascii.h"

#include <fmt/format.h>
#include <unordered_map>

namespace remedy {

namespace {

// Each issue's index by its id in lower case: one lookup per issue, so that an edit of a plan
// of thousands of issues does not compare every id with every other.
std::unordered_map<std::string, std::size_t> indexes_by_id(const Plan& plan) {
    std::unordered_map<std::string, std::size_t> indexes;
    for (std::size_t i = 0; i < plan.issues.size(); ++i)
        indexes.emplace(to_lower_ascii(plan.issues[i].id), i);
    return indexes;
}

std::string amount(const Plan& plan, Money money) {
    return format_money_grouped(money, plan.contract.minor_digits);
}

// What changed for one issue that is in both plans; empty when nothing a person would notice.
std::string issue_change(const Plan& plan, const Issue& issue, const IssueJudgement& was,
                         const IssueJudgement& is) {
    std::vector<std::string> parts;
    if (is.state != was.state) {
        if (is.state == IssueStatus::resolved) {
            // In the days the contract counts: working days on a working-day contract.
            parts.push_back(is.days_overdue > 0
                                ? fmt::format("resolved {} late", late_by_text(plan, is))
                                : std::string("resolved in time"));
        } else if (is.state == IssueStatus::open && was.state != IssueStatus::in_progress) {
            parts.push_back("open again");
        } else {
            parts.push_back(std::string(name(is.state)));
        }
    }
    if (is.dates.effective_due != was.dates.effective_due)
        parts.push_back(fmt::format("now due {} (was {})", format_iso_date(is.dates.effective_due),
                                    format_iso_date(was.dates.effective_due)));
    if (is.penalty.subtotal != was.penalty.subtotal)
        parts.push_back(fmt::format("owes {} (was {})", money_text(plan, is.penalty.subtotal),
                                    amount(plan, was.penalty.subtotal)));
    if (parts.empty())
        return {};
    std::string text = issue_label(issue) + ": " + parts.front();
    for (std::size_t i = 1; i < parts.size(); ++i)
        text += ", " + parts[i];
    return text;
}

} // namespace

std::vector<std::string> issue_consequences(const Plan& before, const Judgement& was,
                                            const Plan& after, const Judgement& is) {
    const std::unordered_map<std::string, std::size_t> old_indexes = indexes_by_id(before);
    std::vector<std::string> lines(after.issues.size());
    for (std::size_t i = 0; i < after.issues.size(); ++i) {
        const Issue& issue = after.issues[i];
        const auto old = old_indexes.find(to_lower_ascii(issue.id));
        lines[i] =
            old != old_indexes.end()
                ? issue_change(after, issue, was.issues[old->second], is.issues[i])
                : fmt::format("{} is new, due {}", issue_label(issue), format_iso_date(issue.due));
    }
    return lines;
}

std::string plan_consequence(const Plan& after, const Judgement& was, const Judgement& is) {
    std::vector<std::string> plan;
    if (is.strikes.size() != was.strikes.size())
        plan.push_back(was.strikes.empty()
                           ? fmt::format("strike {} of {}", is.strikes.size(), is.strike_limit)
                           : fmt::format("strikes {} → {} of {}", was.strikes.size(),
                                         is.strikes.size(), is.strike_limit));
    if (is.deadline != was.deadline)
        plan.push_back(fmt::format("deadline {} → {}", format_iso_date(was.deadline),
                                   format_iso_date(is.deadline)));
    if (is.penalties.owed != was.penalties.owed)
        plan.push_back(fmt::format("owed {} → {}", amount(after, was.penalties.owed),
                                   money_text(after, is.penalties.owed)));
    if (is.penalties.credited != was.penalties.credited)
        plan.push_back(fmt::format("credited {} → {}", amount(after, was.penalties.credited),
                                   money_text(after, is.penalties.credited)));
    plan.push_back(is.verdict == was.verdict
                       ? fmt::format("verdict stays {}", name(is.verdict))
                       : fmt::format("verdict {} → {}", name(was.verdict), name(is.verdict)));
    std::string line = fmt::format("on {}: ", format_iso_date(is.as_of));
    for (std::size_t i = 0; i < plan.size(); ++i)
        line += (i ? "; " : "") + plan[i];
    return line;
}

std::vector<std::string> edit_consequences(const Plan& before, const Judgement& was,
                                           const Plan& after, const Judgement& is) {
    std::vector<std::string> issues;
    for (std::string& change : issue_consequences(before, was, after, is))
        if (!change.empty())
            issues.push_back(std::move(change));
    const std::unordered_map<std::string, std::size_t> new_indexes = indexes_by_id(after);
    for (const Issue& issue : before.issues)
        if (!new_indexes.count(to_lower_ascii(issue.id)))
            issues.push_back(issue_label(issue) + " is removed");

    std::vector<std::string> lines;
    constexpr std::size_t shown = 3;
    if (!issues.empty()) {
        std::string line;
        for (std::size_t i = 0; i < issues.size() && i < shown; ++i)
            line += (i ? "; " : "") + issues[i];
        if (issues.size() > shown)
            line += fmt::format("; and {} more", issues.size() - shown);
        lines.push_back(std::move(line));
    }
    lines.push_back(plan_consequence(after, was, is));
    return lines;
}

} // namespace remedy
