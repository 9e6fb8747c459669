#include "remedy/edit/plan_edits.h"

#include "key_edits.h"
#include "remedy/edit/text_edit.h"
#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/util/ascii.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

// The issue with `id`, which matches in any case, as people type ids.
Expected<const Issue*> find_issue(const Plan& plan, std::string_view id) {
    const std::string wanted = to_lower_ascii(id);
    for (const Issue& issue : plan.issues)
        if (to_lower_ascii(issue.id) == wanted)
            return &issue;
    return fail(fmt::format("{} has no issue {}", plan.file, id));
}

} // namespace

Expected<PlanChange> resolve_issue(const Plan& plan, std::string_view text, std::string_view id,
                                   date::sys_days on) {
    const Expected<const Issue*> found = find_issue(plan, id);
    if (!found)
        return fail(found.error());
    const Issue& issue = **found;
    if (issue.status == IssueStatus::resolved)
        return fail(fmt::format("{} is already resolved (on {})", issue.id,
                                format_iso_date(*issue.resolved)));
    if (issue.status == IssueStatus::waived)
        return fail(fmt::format("{} is waived; reopen it first to resolve it", issue.id));
    const std::string existing = quoting_of(text, issue.where, "status");
    return PlanChange{
        apply_edits(text, {set_key(text, issue.where, "status", string_like(existing, "resolved")),
                           set_key(text, issue.where, "resolved", format_iso_date(on))}),
        fmt::format("{} resolved on {}", issue_label(issue), format_iso_date(on))};
}

Expected<PlanChange> reopen_issue(const Plan& plan, std::string_view text, std::string_view id) {
    const Expected<const Issue*> found = find_issue(plan, id);
    if (!found)
        return fail(found.error());
    const Issue& issue = **found;
    if (issue.status != IssueStatus::resolved && issue.status != IssueStatus::waived)
        return fail(fmt::format("{} is {}, not resolved or waived: nothing to reopen", issue.id,
                                name(issue.status)));
    const std::string existing = quoting_of(text, issue.where, "status");
    std::vector<TextEdit> edits = {
        set_key(text, issue.where, "status", string_like(existing, "open"))};
    for (std::string_view key : {"resolved", "waived", "waiver"})
        if (auto removal = remove_key(text, issue.where, key))
            edits.push_back(*removal);
    return PlanChange{apply_edits(text, edits),
                      fmt::format("{} reopened (was {})", issue_label(issue), name(issue.status))};
}

Expected<PlanChange> waive_issue(const Plan& plan, std::string_view text, std::string_view id,
                                 std::string_view reason, date::sys_days on) {
    const Expected<const Issue*> found = find_issue(plan, id);
    if (!found)
        return fail(found.error());
    const Issue& issue = **found;
    if (issue.status == IssueStatus::waived)
        return fail(fmt::format("{} is already waived", issue.id));
    if (issue.status == IssueStatus::resolved)
        return fail(fmt::format("{} is resolved; reopen it first to waive it", issue.id));
    const std::string existing = quoting_of(text, issue.where, "status");
    return PlanChange{
        apply_edits(text, {set_key(text, issue.where, "status", string_like(existing, "waived")),
                           set_key(text, issue.where, "waived", format_iso_date(on)),
                           set_key(text, issue.where, "waiver", toml_string(reason))}),
        fmt::format("{} waived from {}: {}", issue_label(issue), format_iso_date(on), reason)};
}

Expected<PlanChange> add_issue(const Plan& plan, std::string_view text, const NewIssue& wanted) {
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
    return PlanChange{apply_edits(text, {append_table(text, lines)}),
                      fmt::format("{} ({}) added, due {}: {}", id, name(wanted.priority),
                                  format_iso_date(wanted.due), wanted.title)};
}

} // namespace remedy
