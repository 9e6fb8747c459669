// What changed in the issues between two versions of the plan: added, removed, started,
// resolved, reopened, waived, their dates, priorities and words.

#include "change_list.h"
#include "remedy/model/dates.h"

#include <fmt/format.h>
#include <unordered_map>

namespace remedy {

namespace {

std::string issue_facts(const Issue& issue) {
    return fmt::format("{}, due {} ({})", name(issue.priority), format_iso_date(issue.due),
                       issue.title);
}

bool is_closed(IssueStatus status) {
    return status == IssueStatus::resolved || status == IssueStatus::waived;
}

// The issue's resolution or waiver, recorded by this commit; `flags` for one that replaces a
// closing recorded earlier.
void record_closing(ChangeList& list, const Issue& issue, unsigned flags = 0) {
    if (issue.status == IssueStatus::resolved)
        list.record(ChangeTopic::issue, ChangeAction::resolved, issue.id,
                    issue.resolved ? fmt::format("{} resolved on {}", issue.id,
                                                 format_iso_date(*issue.resolved))
                                   : fmt::format("{} resolved", issue.id),
                    issue.resolved, flags);
    else if (issue.status == IssueStatus::waived)
        list.record(ChangeTopic::issue, ChangeAction::waived, issue.id,
                    fmt::format("{} waived {} {}{}", issue.id,
                                issue.waived ? "on" : "from the start,",
                                format_iso_date(list.waived_on(issue)),
                                issue.waiver.empty() ? "" : ": " + issue.waiver),
                    list.waived_on(issue), flags);
}

void compare_status(ChangeList& list, const Issue& was, const Issue& now) {
    // The day a closed issue was closed on, moved: what an earlier commit recorded, rewritten.
    const auto moved = [&](const char* field, const char* words,
                           std::optional<date::sys_days> before,
                           std::optional<date::sys_days> after) {
        list.value(
            ChangeTopic::issue, now.id, field, day_text(before), day_text(after),
            fmt::format("{} {} {}", now.id, words, from_to(day_text(before), day_text(after))),
            flag_rewrites_record, after);
    };
    if (was.status == now.status) {
        if (now.status == IssueStatus::resolved)
            moved("resolved", "resolution date", was.resolved, now.resolved);
        if (now.status == IssueStatus::waived)
            moved("waived", "waiver date", list.waived_on(was), list.waived_on(now));
        return;
    }
    if (is_closed(now.status)) {
        // A resolution turned into a waiver, or the other way round, replaces what an earlier
        // commit recorded, as a moved date does.
        record_closing(list, now, is_closed(was.status) ? unsigned{flag_rewrites_record} : 0u);
    } else if (is_closed(was.status)) {
        list.record(ChangeTopic::issue, ChangeAction::reopened, now.id,
                    fmt::format("{} reopened ({})", now.id, name(now.status)), std::nullopt);
    } else if (now.status == IssueStatus::in_progress) {
        list.record(ChangeTopic::issue, ChangeAction::started, now.id,
                    fmt::format("{} started", now.id), std::nullopt);
    } else {
        list.record(ChangeTopic::issue, ChangeAction::stopped, now.id,
                    fmt::format("{} back to open from in progress", now.id), std::nullopt);
    }
}

void compare_issue(ChangeList& list, const Issue& was, const Issue& now) {
    const auto text_value = [&](const char* field, const std::string& before,
                                const std::string& after) {
        list.value(ChangeTopic::issue, now.id, field, before, after,
                   fmt::format("{} {} {}", now.id, field, from_to(before, after)));
    };
    compare_status(list, was, now);
    if (was.due != now.due)
        list.value(ChangeTopic::issue, now.id, "due", format_iso_date(was.due),
                   format_iso_date(now.due),
                   fmt::format("{} due date moved from {} to {}", now.id, format_iso_date(was.due),
                               format_iso_date(now.due)),
                   now.due > was.due ? unsigned{flag_rewrites_record} : 0u);
    if (was.priority != now.priority)
        list.value(ChangeTopic::issue, now.id, "priority", std::string(name(was.priority)),
                   std::string(name(now.priority)),
                   fmt::format("{} priority {} from {} to {}", now.id,
                               now.priority < was.priority ? "lowered" : "raised",
                               name(was.priority), name(now.priority)),
                   now.priority < was.priority ? unsigned{flag_rewrites_record} : 0u);
    text_value("title", was.title, now.title);
    text_value("owner", was.owner, now.owner);
    text_value("category", was.category, now.category);
    // The provider's ticket: an import resolves the issue whose ticket a row names.
    text_value("ticket", was.ticket, now.ticket);
    if (was.status == now.status)
        text_value("waiver", was.waiver, now.waiver);
    if (was.notes != now.notes)
        list.value(
            ChangeTopic::issue, now.id, "notes", was.notes, now.notes,
            fmt::format("{} notes {}", now.id,
                        was.notes.empty() ? "added" : (now.notes.empty() ? "removed" : "changed")));
}

} // namespace

void compare_issues(ChangeList& list, const std::vector<Issue>& before,
                    const std::vector<Issue>& after) {
    std::unordered_map<std::string_view, const Issue*> earlier;
    earlier.reserve(before.size());
    for (const Issue& issue : before)
        earlier.emplace(issue.id, &issue);
    for (const Issue& now : after) {
        const auto was = earlier.find(now.id);
        if (was == earlier.end()) {
            std::string text = fmt::format("{} added: {}", now.id, issue_facts(now));
            if (now.status == IssueStatus::in_progress)
                text += ", in progress";
            list.record(ChangeTopic::issue, ChangeAction::added, now.id, std::move(text),
                        std::nullopt);
            record_closing(list, now);
            continue;
        }
        compare_issue(list, *was->second, now);
        earlier.erase(was);
    }
    for (const Issue& was : before)
        if (earlier.count(was.id))
            list.record(ChangeTopic::issue, ChangeAction::removed, was.id,
                        fmt::format("{} removed (it was {}, {})", was.id, issue_facts(was),
                                    name(was.status)),
                        std::nullopt, flag_rewrites_record);
}

} // namespace remedy
