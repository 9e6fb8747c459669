#include "remedy/model/plan_changes.h"

#include "remedy/model/dates.h"
#include "remedy/model/money.h"
#include "remedy/model/strikes.h"
#include "remedy/model/wording.h"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <unordered_map>

namespace remedy {

namespace {

std::string day_text(std::optional<date::sys_days> day) {
    return day ? format_iso_date(*day) : std::string();
}

std::string amount_text(const std::optional<Amount>& amount, int minor_digits) {
    if (!amount)
        return {};
    const std::string money = format_money(amount->money, minor_digits);
    return amount->percent ? fmt::format("{} ({})", format_percent(*amount->percent), money)
                           : money;
}

std::string flag_text(bool value) {
    return value ? "true" : "false";
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string weekend_text(const Calendar& calendar) {
    static constexpr std::array<std::string_view, 7> names = {
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    std::vector<std::string> days;
    for (std::size_t w = 0; w < names.size(); ++w)
        if (calendar.weekend[w])
            days.emplace_back(names[w]);
    return days.empty() ? "none" : joined(days);
}

// The words for a before -> after change of one value.
std::string from_to(std::string_view before, std::string_view after) {
    if (before.empty())
        return fmt::format("set to {}", after);
    if (after.empty())
        return fmt::format("{} removed", before);
    return fmt::format("changed from {} to {}", before, after);
}

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

class ChangeList {
public:
    ChangeList(date::sys_days recorded_on, date::sys_days timebox_start)
        : recorded_on_(recorded_on), timebox_start_(timebox_start) {}

    // The day a waiver without a date takes effect: the start, as far back as it can reach.
    date::sys_days waived_on(const Issue& issue) const {
        return issue.waived.value_or(timebox_start_);
    }

    // A fact recorded by this commit: flagged when its date is well before the commit, or after.
    void record(ChangeTopic topic, ChangeAction action, std::string subject, std::string text,
                std::optional<date::sys_days> dated, unsigned flags = 0) {
        RecordChange change{topic, action, std::move(subject), {}, {}, {},
                            dated, flags,  std::move(text),    {}};
        if (dated && *dated < recorded_on_ - backdate_tolerance)
            change.flags |= flag_backdated;
        add(std::move(change));
    }

    // One value of something recorded earlier changed.
    void value(ChangeTopic topic, std::string subject, std::string field, std::string before,
               std::string after, std::string text, unsigned flags = 0,
               std::optional<date::sys_days> dated = std::nullopt) {
        if (before == after)
            return;
        add({topic,
             ChangeAction::changed,
             std::move(subject),
             std::move(field),
             std::move(before),
             std::move(after),
             dated,
             flags,
             std::move(text),
             {}});
    }

    // A value of the contract's terms.
    void term(std::string field, std::string before, std::string after) {
        std::string text = fmt::format("{} {}", field, from_to(before, after));
        value(ChangeTopic::terms, field, field, std::move(before), std::move(after),
              std::move(text), flag_contract_terms);
    }

    std::vector<RecordChange> take() { return std::move(changes_); }

private:
    void add(RecordChange change) {
        if (change.dated && *change.dated > recorded_on_)
            change.flags |= flag_future_dated;
        std::vector<std::string> why;
        if (change.flags & flag_backdated)
            why.push_back(fmt::format("dated {} before its commit",
                                      plural(days_between(*change.dated, recorded_on_), "day")));
        if (change.flags & flag_future_dated)
            why.push_back(fmt::format("dated {} after its commit",
                                      plural(days_between(recorded_on_, *change.dated), "day")));
        if (change.flags & flag_rewrites_record)
            why.emplace_back("changes what an earlier commit recorded");
        if (change.flags & flag_contract_terms)
            why.emplace_back("changes the contract's terms");
        change.why = joined(why);
        changes_.push_back(std::move(change));
    }

    date::sys_days recorded_on_;
    date::sys_days timebox_start_;
    std::vector<RecordChange> changes_;
};

// Pairs the items of two lists that are the same fact: first by each test in turn (the most
// telling first), an item taking the first unpaired partner that passes. Returns, for each
// item of `after`, the index of its partner in `before` or -1.
template <class Item>
std::vector<int>
pair_up(const std::vector<Item>& before, const std::vector<Item>& after,
        std::initializer_list<std::function<bool(const Item&, const Item&)>> tests) {
    std::vector<int> partner(after.size(), -1);
    std::vector<bool> taken(before.size(), false);
    for (const auto& same : tests)
        for (std::size_t a = 0; a < after.size(); ++a) {
            if (partner[a] >= 0)
                continue;
            // The same position first, so that an unchanged list costs one pass.
            if (a < before.size() && !taken[a] && same(before[a], after[a])) {
                partner[a] = static_cast<int>(a);
                taken[a] = true;
                continue;
            }
            for (std::size_t b = 0; b < before.size(); ++b)
                if (!taken[b] && same(before[b], after[a])) {
                    partner[a] = static_cast<int>(b);
                    taken[b] = true;
                    break;
                }
        }
    return partner;
}

// Calls `paired(before, after)` for each pair, `added(after)` and `removed(before)` for the rest.
template <class Item, class Paired, class Added, class Removed>
void each_pair(const std::vector<Item>& before, const std::vector<Item>& after,
               const std::vector<int>& partner, Paired paired, Added added, Removed removed) {
    std::vector<bool> kept(before.size(), false);
    for (std::size_t a = 0; a < after.size(); ++a)
        if (partner[a] >= 0) {
            kept[static_cast<std::size_t>(partner[a])] = true;
            paired(before[static_cast<std::size_t>(partner[a])], after[a]);
        } else {
            added(after[a]);
        }
    for (std::size_t b = 0; b < before.size(); ++b)
        if (!kept[b])
            removed(before[b]);
}

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
    if (was.status == now.status)
        text_value("waiver", was.waiver, now.waiver);
    if (was.notes != now.notes)
        list.value(
            ChangeTopic::issue, now.id, "notes", was.notes, now.notes,
            fmt::format("{} notes {}", now.id,
                        was.notes.empty() ? "added" : (now.notes.empty() ? "removed" : "changed")));
}

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

void compare_incidents(ChangeList& list, const Plan& before_plan, const Plan& after_plan) {
    using Test = std::function<bool(const Incident&, const Incident&)>;
    const Test same_id = [](const Incident& a, const Incident& b) {
        return !a.id.empty() && a.id == b.id;
    };
    const Test same_record = [](const Incident& a, const Incident& b) {
        return a.id == b.id && a.date == b.date && a.priority == b.priority &&
               a.summary == b.summary && a.status == b.status && a.dispute == b.dispute &&
               a.notes == b.notes;
    };
    const Test same_day_and_summary = [](const Incident& a, const Incident& b) {
        return a.date == b.date && a.summary == b.summary;
    };
    const Test same_day = [](const Incident& a, const Incident& b) {
        return a.date == b.date;
    };
    const Test same_summary = [](const Incident& a, const Incident& b) {
        return a.summary == b.summary;
    };
    const auto& before = before_plan.incidents;
    const auto& after = after_plan.incidents;
    const auto partner = pair_up(
        before, after, {same_id, same_record, same_day_and_summary, same_day, same_summary});
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
            if (was.status != now.status) {
                const ChangeAction action =
                    now.status == IncidentStatus::disputed    ? ChangeAction::disputed
                    : now.status == IncidentStatus::withdrawn ? ChangeAction::withdrawn
                                                              : ChangeAction::confirmed;
                list.record(ChangeTopic::incident, action, subject,
                            fmt::format("{} {}{}", who, change_actions.name(action),
                                        now.dispute.empty() ? "" : ": " + now.dispute),
                            std::nullopt);
            } else if (was.dispute != now.dispute) {
                list.value(ChangeTopic::incident, subject, "dispute", was.dispute, now.dispute,
                           fmt::format("{}: reason of the dispute {}", who,
                                       from_to(was.dispute, now.dispute)));
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

void compare_extensions(ChangeList& list, const Timebox& before, const Timebox& after) {
    using Test = std::function<bool(const Extension&, const Extension&)>;
    const Test same = [](const Extension& a, const Extension& b) {
        return a.days == b.days && a.agreed == b.agreed && a.reason == b.reason;
    };
    const Test same_day = [](const Extension& a, const Extension& b) {
        return a.agreed == b.agreed;
    };
    const Test same_reason = [](const Extension& a, const Extension& b) {
        return a.reason == b.reason;
    };
    each_pair(
        before.extensions, after.extensions,
        pair_up(before.extensions, after.extensions, {same, same_day, same_reason}),
        [&](const Extension& was, const Extension& now) {
            if (same(was, now))
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

void compare_pauses(ChangeList& list, const std::vector<Pause>& before,
                    const std::vector<Pause>& after) {
    using Test = std::function<bool(const Pause&, const Pause&)>;
    const Test same = [](const Pause& a, const Pause& b) {
        return a.from == b.from && a.to == b.to && a.issues == b.issues && a.reason == b.reason &&
               a.agreed == b.agreed;
    };
    const Test same_days = [](const Pause& a, const Pause& b) {
        return a.from == b.from && a.to == b.to;
    };
    const Test same_reason = [](const Pause& a, const Pause& b) {
        return a.reason == b.reason;
    };
    // A reopening's pause is what it is: the days the issue stood resolved, not an agreement.
    const auto described = [](const Pause& pause) {
        if (pause.reopened)
            return fmt::format("{} while it stood resolved (reopened {}): {}", pause_name(pause),
                               format_iso_date(*pause.reopened), pause.reason);
        return fmt::format("{} agreed {}: {}", pause_name(pause), format_iso_date(pause.agreed),
                           pause.reason);
    };
    each_pair(
        before, after, pair_up(before, after, {same, same_days, same_reason}),
        [&](const Pause& was, const Pause& now) {
            if (same(was, now))
                return;
            list.value(ChangeTopic::pause, pause_name(now), "pause", described(was), described(now),
                       fmt::format("{} changed (it was {})", described(now), described(was)),
                       flag_rewrites_record, now.agreed);
        },
        [&](const Pause& now) {
            list.record(ChangeTopic::pause, ChangeAction::added, pause_name(now), described(now),
                        now.agreed);
        },
        [&](const Pause& was) {
            list.record(ChangeTopic::pause, ChangeAction::removed, pause_name(was),
                        fmt::format("{} removed", described(was)), std::nullopt,
                        flag_rewrites_record);
        });
}

void compare_credits(ChangeList& list, const Plan& before_plan, const Plan& after_plan) {
    using Test = std::function<bool(const Credit&, const Credit&)>;
    const Test same = [](const Credit& a, const Credit& b) {
        return a.date == b.date && a.amount == b.amount && a.invoice == b.invoice &&
               a.note == b.note;
    };
    const Test same_invoice = [](const Credit& a, const Credit& b) {
        return !a.invoice.empty() && a.invoice == b.invoice;
    };
    const Test same_day = [](const Credit& a, const Credit& b) {
        return a.date == b.date;
    };
    const auto described = [](const Credit& credit, const Plan& plan) {
        return fmt::format("credit of {} on {}{}",
                           format_money(credit.amount, plan.contract.minor_digits),
                           format_iso_date(credit.date),
                           credit.invoice.empty() ? "" : " (invoice " + credit.invoice + ")");
    };
    each_pair(
        before_plan.credits, after_plan.credits,
        pair_up(before_plan.credits, after_plan.credits, {same, same_invoice, same_day}),
        [&](const Credit& was, const Credit& now) {
            if (same(was, now))
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

std::string days_off_text(const Calendar& calendar) {
    std::vector<std::string> days;
    for (date::sys_days day : calendar.days_off)
        days.push_back(format_iso_date(day));
    return joined(days);
}

void compare_terms(ChangeList& list, const Plan& was, const Plan& now) {
    const int was_digits = was.contract.minor_digits;
    const int now_digits = now.contract.minor_digits;
    list.term("timebox.start", format_iso_date(was.timebox.start),
              format_iso_date(now.timebox.start));
    list.term("timebox.days", std::to_string(was.timebox.days), std::to_string(now.timebox.days));
    list.term("contract.currency", was.contract.currency, now.contract.currency);
    list.term("contract.monthly_fee",
              was.contract.monthly_fee ? format_money(*was.contract.monthly_fee, was_digits) : "",
              now.contract.monthly_fee ? format_money(*now.contract.monthly_fee, now_digits) : "");
    list.term("contract.settlement", was.contract.settlement, now.contract.settlement);
    list.term("calendar.weekend", was.calendar.present ? weekend_text(was.calendar) : "",
              now.calendar.present ? weekend_text(now.calendar) : "");
    list.term("calendar.days_off", days_off_text(was.calendar), days_off_text(now.calendar));

    const Penalties& a = was.penalties;
    const Penalties& b = now.penalties;
    list.term("penalties", a.present ? "present" : "", b.present ? "present" : "");
    list.term("penalties.grace_days", std::to_string(a.grace_days), std::to_string(b.grace_days));
    list.term("penalties.days", std::string(day_counts.name(a.days)),
              std::string(day_counts.name(b.days)));
    list.term("penalties.cap", amount_text(a.cap, was_digits), amount_text(b.cap, now_digits));
    list.term("penalties.cap_per", std::string(cap_pers.name(a.cap_per)),
              std::string(cap_pers.name(b.cap_per)));
    list.term("penalties.terminate_at_cap", flag_text(a.terminate_at_cap),
              flag_text(b.terminate_at_cap));
    for (Priority priority : all_priorities) {
        const auto at = static_cast<std::size_t>(priority);
        list.term(fmt::format("penalties.per_day.{}", name(priority)),
                  amount_text(a.per_day[at], was_digits), amount_text(b.per_day[at], now_digits));
        list.term(fmt::format("penalties.per_miss.{}", name(priority)),
                  amount_text(a.per_miss[at], was_digits), amount_text(b.per_miss[at], now_digits));
    }

    const Ultimatum& u = was.ultimatum;
    const Ultimatum& v = now.ultimatum;
    // Without the table the warning is the timebox's start: only a change of meaning shows.
    // With given = false there is no warning yet.
    const auto warning_text = [](const Plan& plan) {
        const std::optional<date::sys_days> day = warning_day(plan);
        return day ? format_iso_date(*day) : std::string("not given");
    };
    list.term("ultimatum.issued", warning_text(was), warning_text(now));
    list.term("ultimatum.until", day_text(u.until), day_text(v.until));
    list.term("ultimatum.strikes", std::to_string(u.strikes), std::to_string(v.strikes));
    list.term("ultimatum.severity", std::string(name(u.severity)), std::string(name(v.severity)));
}

// Who the plan is between and how remedy reads it: listed, not flagged.
void compare_settings(ChangeList& list, const Plan& was, const Plan& now) {
    const auto setting = [&](const char* field, const std::string& before,
                             const std::string& after) {
        list.value(ChangeTopic::plan, field, field, before, after,
                   fmt::format("{} {}", field, from_to(before, after)));
    };
    setting("client.name", was.client.name, now.client.name);
    setting("client.contact", was.client.contact, now.client.contact);
    setting("client.timezone", was.client.timezone, now.client.timezone);
    setting("provider.name", was.provider.name, now.provider.name);
    setting("provider.contact", was.provider.contact, now.provider.contact);
    setting("provider.cc", joined(was.provider.cc), joined(now.provider.cc));
    setting("contract.reference", was.contract.reference, now.contract.reference);
    setting("warnings.due_within", std::to_string(was.warnings.due_within),
            std::to_string(now.warnings.due_within));
    setting("warnings.pace_days", std::to_string(was.warnings.pace_days),
            std::to_string(now.warnings.pace_days));
    setting("email.templates", was.email.templates, now.email.templates);
}

} // namespace

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
    return change.topic == ChangeTopic::issue && change.subject == id;
}

bool can_change_money(const RecordChange& change) {
    if (change.action != ChangeAction::changed)
        return change.topic != ChangeTopic::plan;
    static constexpr std::array<std::string_view, 8> words_only = {
        "title", "owner", "category", "notes", "waiver", "summary", "dispute", "id"};
    return change.topic != ChangeTopic::plan &&
           std::find(words_only.begin(), words_only.end(), change.field) == words_only.end();
}

} // namespace remedy
