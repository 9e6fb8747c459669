#include "remedy/model/issue_order.h"

#include <algorithm>
#include <string_view>
#include <tuple>

namespace remedy {

namespace {

int group_of(const IssueJudgement& judged) {
    if (judged.overdue)
        return 0;
    switch (judged.state) {
    case IssueStatus::open:
    case IssueStatus::in_progress:
        return 1;
    case IssueStatus::resolved:
        return 2;
    case IssueStatus::waived:
        return 3;
    }
    return 3;
}

} // namespace

std::vector<std::size_t> issues_by_urgency(const Plan& plan, const Judgement& j) {
    std::vector<std::size_t> order(plan.issues.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    // Overdue issues by how late they are; the others by when they are due. Priority breaks
    // ties in both, then the id, so that the order never depends on where an issue is written.
    const auto key_of = [&](std::size_t i) {
        const IssueJudgement& judged = j.issues[i];
        const int group = group_of(judged);
        const int lateness = group == 0 ? -judged.days_overdue : 0;
        return std::tuple(group, lateness, judged.dates.effective_due,
                          -static_cast<int>(plan.issues[i].priority),
                          std::string_view(plan.issues[i].id));
    };
    // Each key computed once, not twice a comparison.
    std::vector<decltype(key_of(0))> keys;
    keys.reserve(order.size());
    for (std::size_t i : order)
        keys.push_back(key_of(i));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    return order;
}

std::vector<std::size_t> unresolved_by_urgency(const Plan&, const Judgement& j) {
    std::vector<std::size_t> order = j.by_urgency;
    std::erase_if(order, [&](std::size_t i) { return group_of(j.issues[i]) > 1; });
    return order;
}

} // namespace remedy
