// What changed in the dated facts between two versions of the plan: incidents, extensions,
// pauses and credits, each paired with its earlier version by its id or its values.

#include "change_list.h"
#include "change_pairing.h"
#include "remedy/model/dates.h"
#include "remedy/model/wording.h"

#include <fmt/format.h>

namespace remedy {

namespace {

std::string incident_name(const Incident& incident) {
    std::string name =
        incident.id.empty() ? std::string("incident") : fmt::format("incident {}", incident.id);
    return fmt::format("{} of {} ({})", name, format_iso_date(incident.date), incident.summary);
}

std::string incident_subject(const Incident& incident) {
    return incident.id.empty() ? format_iso_date(incident.date) : incident.id;
}

std::string extension_name(const Extension& extension) {
    return fmt::format("extension of {} agreed {}", plural(extension.days, "day"),
                       format_iso_date(extension.agreed));
}

std::string pause_scope(const Pause& pause) {
    return pause.covers_every_issue() ? std::string("every issue") : joined(pause.issues);
}

std::string pause_name(const Pause& pause) {
    return fmt::format("pause of {} to {} ({})", format_iso_date(pause.from),
                       format_iso_date(pause.to), pause_scope(pause));
}

// A day as a key part.
std::string day_key(date::sys_days day) {
    return std::to_string(day.time_since_epoch().count());
}

// The keys that pair incidents, the most telling first.
std::optional<std::string> incident_id(const Incident& incident) {
    if (incident.id.empty())
        return std::nullopt;
    return incident.id;
}

std::optional<std::string> incident_record(const Incident& i) {
    return key_of(
        {i.id, day_key(i.date), name(i.priority), i.summary, name(i.status), i.dispute, i.notes,
         i.ticket});
}

std::optional<std::string> incident_day_and_summary(const Incident& i) {
    return key_of({day_key(i.date), i.summary});
}

std::optional<std::string> incident_day(const Incident& i) {
    return day_key(i.date);
}

std::optional<std::string> incident_summary(const Incident& i) {
    return i.summary;
}

} // namespace

void compare_incidents(ChangeList& list, const Plan& before_plan, const Plan& after_plan) {
    const auto& before = before_plan.incidents;
    const auto& after = after_plan.incidents;
    const auto partner = pair_up<Incident>(
        before, after,
        {incident_id, incident_record, incident_day_and_summary, incident_day, incident_summary});
    each_pair(
        before, after, partner,
        [&](const Incident& was, const Incident& now) {
            const std::string subject = incident_subject(now);
            const std::string who = incident_name(now);
            if (was.date != now.date)
                list.value(ChangeTopic::incident, subject, "date", format_iso_date(was.date),
                           format_iso_date(now.date),
                           fmt::format("{}: date moved from {}", who, format_iso_date(was.date)),
                           flag_rewrites_record, now.date);
            if (was.priority != now.priority)
                list.value(ChangeTopic::incident, subject, "priority",
                           std::string(name(was.priority)), std::string(name(now.priority)),
                           fmt::format("{}: priority {} from {} to {}", who,
                                       now.priority < was.priority ? "lowered" : "raised",
                                       name(was.priority), name(now.priority)),
                           now.priority < was.priority ? unsigned{flag_rewrites_record} : 0u);
            if (was.summary != now.summary)
                list.value(ChangeTopic::incident, subject, "summary", was.summary, now.summary,
                           fmt::format("{}: summary changed from {}", who, was.summary));
            if (was.id != now.id)
                list.value(ChangeTopic::incident, subject, "id", was.id, now.id,
                           fmt::format("{}: id {}", who, from_to(was.id, now.id)));
            if (was.ticket != now.ticket)
                list.value(ChangeTopic::incident, subject, "ticket", was.ticket, now.ticket,
                           fmt::format("{}: ticket {}", who, from_to(was.ticket, now.ticket)));
            // The day a dispute was raised or a withdrawal agreed, when the plan gives it.
            const std::optional<date::sys_days> contested =
                now.status == IncidentStatus::disputed    ? now.disputed
                : now.status == IncidentStatus::withdrawn ? now.withdrawn
                                                          : std::nullopt;
            if (was.status != now.status) {
                const ChangeAction action =
                    now.status == IncidentStatus::disputed    ? ChangeAction::disputed
                    : now.status == IncidentStatus::withdrawn ? ChangeAction::withdrawn
                                                              : ChangeAction::confirmed;
                list.record(ChangeTopic::incident, action, subject,
                            fmt::format("{} {}{}{}", who, change_actions.name(action),
                                        contested ? " on " + format_iso_date(*contested) : "",
                                        now.dispute.empty() ? "" : ": " + now.dispute),
                            contested);
            } else {
                const char* key =
                    now.status == IncidentStatus::withdrawn ? "withdrawn" : "disputed";
                const std::optional<date::sys_days> before =
                    now.status == IncidentStatus::withdrawn ? was.withdrawn : was.disputed;
                if (list.value(ChangeTopic::incident, subject, key, day_text(before),
                               day_text(contested),
                               fmt::format("{}: day {} {}", who, key,
                                           from_to(day_text(before), day_text(contested))),
                               flag_rewrites_record, contested))
                    list.last().state = std::string(name(now.status));
            }
            if (was.status == now.status && was.dispute != now.dispute) {
                list.value(
                    ChangeTopic::incident, subject, "dispute", was.dispute, now.dispute,
                    fmt::format("{}: reason of the {} {}", who,
                                now.status == IncidentStatus::withdrawn ? "withdrawal" : "dispute",
                                from_to(was.dispute, now.dispute)));
                list.last().state = std::string(name(now.status));
            }
            if (was.notes != now.notes)
                list.value(ChangeTopic::incident, subject, "notes", was.notes, now.notes,
                           fmt::format("{}: notes changed", who));
        },
        [&](const Incident& now) {
            std::string text =
                fmt::format("{} recorded, {}", incident_name(now), name(now.priority));
            if (now.status != IncidentStatus::confirmed)
                text += fmt::format(", {}", name(now.status));
            list.record(ChangeTopic::incident, ChangeAction::added, incident_subject(now),
                        std::move(text), now.date);
        },
        [&](const Incident& was) {
            list.record(ChangeTopic::incident, ChangeAction::removed, incident_subject(was),
                        fmt::format("{} removed (it was {}, {})", incident_name(was),
                                    name(was.priority), name(was.status)),
                        std::nullopt, flag_rewrites_record);
        });
}

namespace {

bool same_extension(const Extension& a, const Extension& b) {
    return a.days == b.days && a.agreed == b.agreed && a.reason == b.reason;
}

std::optional<std::string> extension_record(const Extension& e) {
    return key_of({std::to_string(e.days), day_key(e.agreed), e.reason});
}

std::optional<std::string> extension_day(const Extension& e) {
    return day_key(e.agreed);
}

std::optional<std::string> extension_reason(const Extension& e) {
    return e.reason;
}

} // namespace

void compare_extensions(ChangeList& list, const Timebox& before, const Timebox& after) {
    each_pair(
        before.extensions, after.extensions,
        pair_up<Extension>(before.extensions, after.extensions,
                           {extension_record, extension_day, extension_reason}),
        [&](const Extension& was, const Extension& now) {
            if (same_extension(was, now))
                return;
            const std::string name = extension_name(now);
            list.value(
                ChangeTopic::extension, name, "extension",
                fmt::format("{}: {}", extension_name(was), was.reason),
                fmt::format("{}: {}", name, now.reason),
                fmt::format("{} changed (it was {}: {})", name, extension_name(was), was.reason),
                flag_rewrites_record, now.agreed);
        },
        [&](const Extension& now) {
            list.record(ChangeTopic::extension, ChangeAction::added, extension_name(now),
                        fmt::format("{}: {}", extension_name(now), now.reason), now.agreed);
        },
        [&](const Extension& was) {
            list.record(ChangeTopic::extension, ChangeAction::removed, extension_name(was),
                        fmt::format("{} removed ({})", extension_name(was), was.reason),
                        std::nullopt, flag_rewrites_record);
        });
}

namespace {

bool same_pause(const Pause& a, const Pause& b) {
    return a.from == b.from && a.to == b.to && a.issues == b.issues && a.reason == b.reason &&
           a.agreed == b.agreed;
}

std::optional<std::string> pause_record(const Pause& p) {
    std::string key = key_of({day_key(p.from), day_key(p.to), p.reason, day_key(p.agreed)});
    for (const std::string& issue : p.issues)
        key += key_of({issue});
    return key;
}

std::optional<std::string> pause_days(const Pause& p) {
    return key_of({day_key(p.from), day_key(p.to)});
}

std::optional<std::string> pause_reason(const Pause& p) {
    return p.reason;
}

// The issues a changed pause names, before or after the change; none (every issue) when
// either covers every issue.
std::vector<std::string> issues_named(const Pause& was, const Pause& now) {
    if (was.covers_every_issue() || now.covers_every_issue())
        return {};
    std::vector<std::string> issues = now.issues;
    issues.insert(issues.end(), was.issues.begin(), was.issues.end());
    return issues;
}

} // namespace

void compare_pauses(ChangeList& list, const std::vector<Pause>& before,
                    const std::vector<Pause>& after) {
    // A reopening's pause is what it is: the days the issue stood resolved, not an agreement.
    const auto described = [](const Pause& pause) {
        if (pause.reopened)
            return fmt::format("{} while it stood resolved (reopened {}): {}", pause_name(pause),
                               format_iso_date(*pause.reopened), pause.reason);
        return fmt::format("{} agreed {}: {}", pause_name(pause), format_iso_date(pause.agreed),
                           pause.reason);
    };
    each_pair(
        before, after, pair_up<Pause>(before, after, {pause_record, pause_days, pause_reason}),
        [&](const Pause& was, const Pause& now) {
            if (same_pause(was, now))
                return;
            list.value(ChangeTopic::pause, pause_name(now), "pause", described(was), described(now),
                       fmt::format("{} changed (it was {})", described(now), described(was)),
                       flag_rewrites_record, now.agreed);
            list.last().issues = issues_named(was, now);
        },
        [&](const Pause& now) {
            list.record(ChangeTopic::pause, ChangeAction::added, pause_name(now), described(now),
                        now.agreed);
            list.last().issues = now.issues;
        },
        [&](const Pause& was) {
            list.record(ChangeTopic::pause, ChangeAction::removed, pause_name(was),
                        fmt::format("{} removed", described(was)), std::nullopt,
                        flag_rewrites_record);
            list.last().issues = was.issues;
        });
}

namespace {

bool same_credit(const Credit& a, const Credit& b) {
    return a.date == b.date && a.amount == b.amount && a.invoice == b.invoice && a.note == b.note;
}

std::optional<std::string> credit_record(const Credit& c) {
    return key_of({day_key(c.date), std::to_string(c.amount.minor), c.invoice, c.note});
}

std::optional<std::string> credit_invoice(const Credit& c) {
    if (c.invoice.empty())
        return std::nullopt;
    return c.invoice;
}

std::optional<std::string> credit_day(const Credit& c) {
    return day_key(c.date);
}

} // namespace

void compare_credits(ChangeList& list, const Plan& before_plan, const Plan& after_plan) {
    const auto described = [](const Credit& credit, const Plan& plan) {
        return fmt::format("credit of {} on {}{}", money_text(plan, credit.amount),
                           format_iso_date(credit.date),
                           credit.invoice.empty() ? "" : " (invoice " + credit.invoice + ")");
    };
    each_pair(
        before_plan.credits, after_plan.credits,
        pair_up<Credit>(before_plan.credits, after_plan.credits,
                        {credit_record, credit_invoice, credit_day}),
        [&](const Credit& was, const Credit& now) {
            if (same_credit(was, now))
                return;
            list.value(ChangeTopic::credit, described(now, after_plan), "credit",
                       described(was, before_plan), described(now, after_plan),
                       fmt::format("{} changed (it was {})", described(now, after_plan),
                                   described(was, before_plan)),
                       flag_rewrites_record, now.date);
        },
        [&](const Credit& now) {
            list.record(ChangeTopic::credit, ChangeAction::added, described(now, after_plan),
                        described(now, after_plan) + " recorded", now.date);
        },
        [&](const Credit& was) {
            list.record(ChangeTopic::credit, ChangeAction::removed, described(was, before_plan),
                        described(was, before_plan) + " removed", std::nullopt,
                        flag_rewrites_record);
        });
}

} // namespace remedy
