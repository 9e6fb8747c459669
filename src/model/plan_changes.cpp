// What one commit changed in the plan: the comparisons of each kind of fact (change_list.h)
// run in the order a reader expects, terms first.

#include "remedy/model/plan_changes.h"

#include "change_list.h"
#include "remedy/model/wording.h"
#include "remedy/util/ascii.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace remedy {

std::vector<RecordChange> plan_changes(const Plan* before, const Plan& after,
                                       date::sys_days recorded_on) {
    ChangeList list(recorded_on, after.timebox.start);
    if (!before) {
        list.record(ChangeTopic::plan, ChangeAction::created, {},
                    fmt::format("plan with {} and {}", plural(after.issues.size(), "issue"),
                                plural(after.incidents.size(), "incident")),
                    std::nullopt);
        // What had happened by then is recorded by this commit too, and flagged alike.
        const Plan nothing_yet{};
        compare_issues(list, {}, after.issues);
        compare_extensions(list, Timebox{}, after.timebox);
        compare_pauses(list, {}, after.pauses);
        compare_incidents(list, nothing_yet, after);
        compare_credits(list, nothing_yet, after);
        return list.take();
    }
    compare_terms(list, *before, after);
    compare_extensions(list, before->timebox, after.timebox);
    compare_pauses(list, before->pauses, after.pauses);
    compare_issues(list, before->issues, after.issues);
    compare_incidents(list, *before, after);
    compare_credits(list, *before, after);
    compare_settings(list, *before, after);
    return list.take();
}

std::string flag_names(unsigned flags) {
    std::string out;
    for (const auto& [flag, word] : change_flags.entries())
        if (flags & flag)
            out += (out.empty() ? "" : ",") + std::string(word);
    return out;
}

bool concerns_issue(const RecordChange& change, std::string_view id) {
    if (change.topic == ChangeTopic::pause)
        return std::any_of(
            change.issues.begin(), change.issues.end(),
            [&](const std::string& named) { return to_lower_ascii(named) == to_lower_ascii(id); });
    return change.topic == ChangeTopic::issue && change.subject == id;
}

bool can_change_money(const RecordChange& change) {
    if (change.action != ChangeAction::changed)
        return change.topic != ChangeTopic::plan;
    static constexpr std::array<std::string_view, 9> words_only = {
        "title", "owner", "category", "notes", "waiver", "summary", "dispute", "id", "ticket"};
    return change.topic != ChangeTopic::plan &&
           std::find(words_only.begin(), words_only.end(), change.field) == words_only.end();
}

} // namespace remedy
