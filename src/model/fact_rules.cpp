// The rules about dated facts: what was agreed, and when it could be (SPEC "Facts take effect on
// their dates"), and the incidents that count against the ultimatum.

#include "remedy/model/judgement.h"
#include "remedy/model/owed_by_day.h"
#include "remedy/model/timebox.h"
#include "remedy/model/wording.h"
#include "remedy/util/ascii.h"
#include "rule_checker.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace remedy {

// An extension must be agreed on or before the deadline it extends: timebox.start + days + the
// extensions agreed before it (by date, ties in the file's order), rolled.
void RuleChecker::extensions_agreed_in_time() {
    if (!deadline_known())
        return;
    for (std::size_t i = 0; i < plan_.timebox.extensions.size(); ++i) {
        const Extension& extension = plan_.timebox.extensions[i];
        const date::sys_days extended = deadline_before_extension(plan_, i);
        if (extension.agreed > extended)
            error(extension.where.value_of("agreed"),
                  fmt::format("the extension agreed on {} comes after the deadline {} that it "
                              "extends: nothing is agreed after the time box has ended",
                              format_iso_date(extension.agreed), format_iso_date(extended)));
        else if (extension.agreed < plan_.timebox.start)
            error(extension.where.value_of("agreed"),
                  fmt::format("the extension is agreed on {}, before the time box starts on {}",
                              format_iso_date(extension.agreed),
                              format_iso_date(plan_.timebox.start)));
    }
}

// timebox.start <= ultimatum.issued <= the deadline with every extension <= ... and
// issued <= until.
void RuleChecker::ultimatum_within_timebox() {
    const Ultimatum& ultimatum = plan_.ultimatum;
    if (!ultimatum.present || !complete_.ultimatum || !complete_.timebox_start)
        return;
    if (!ultimatum.given && ultimatum.where.keys.count("issued")) {
        error(ultimatum.where.value_of("given"),
              fmt::format("ultimatum.given is false but ultimatum.issued is {}: remove given "
                          "once the final warning is given (remedy warn does both)",
                          format_iso_date(ultimatum.issued)));
        return;
    }
    if (ultimatum.issued < plan_.timebox.start)
        error(ultimatum.where.value_of("issued"),
              fmt::format("ultimatum.issued {} is before the time box starts on {}",
                          format_iso_date(ultimatum.issued), format_iso_date(plan_.timebox.start)));
    else if (deadline_known() && ultimatum.issued > last_deadline())
        error(ultimatum.where.value_of("issued"),
              fmt::format("ultimatum.issued {} is after the deadline {}: the warning belongs to "
                          "the time box",
                          format_iso_date(ultimatum.issued), format_iso_date(last_deadline())));
    if (ultimatum.until && *ultimatum.until < ultimatum.issued)
        error(ultimatum.where.value_of("until"),
              fmt::format("ultimatum.until {} is before the warning of {}: no incident could "
                          "count",
                          format_iso_date(*ultimatum.until), format_iso_date(ultimatum.issued)));
}

// An incident happens during the plan, is recorded once, has an id of its own, and gives the
// reason when it is disputed or withdrawn (and only then).
void RuleChecker::incidents_consistent() {
    std::map<std::pair<date::sys_days, std::string_view>, const Incident*> recorded;
    std::unordered_map<std::string, const Incident*> ids;
    for (std::size_t i = 0; i < plan_.incidents.size(); ++i) {
        const Incident& incident = plan_.incidents[i];
        if (!complete_.incidents[i].all)
            continue;
        if (complete_.timebox_start && incident.date < plan_.timebox.start)
            error(incident.where.value_of("date"),
                  fmt::format("the incident of {} is before the time box starts on {}",
                              format_iso_date(incident.date),
                              format_iso_date(plan_.timebox.start)));
        const auto [same, fresh] = recorded.emplace(
            std::pair(incident.date, std::string_view(incident.summary)), &incident);
        if (!fresh)
            error(incident.where.table.begin,
                  fmt::format("the incident of {} \"{}\" is recorded twice (first at line {}); "
                              "an incident counts once",
                              format_iso_date(incident.date), incident.summary,
                              same->second->where.table.begin.line));
        if (!incident.id.empty()) {
            const auto [first, unique] = ids.emplace(to_lower_ascii(incident.id), &incident);
            if (!unique)
                error(incident.where.value_of("id"),
                      fmt::format("incident id {} is used twice (first at line {})", incident.id,
                                  first->second->where.value_of("id").line));
        }
        const bool contested = incident.status != IncidentStatus::confirmed;
        if (contested && incident.dispute.empty())
            error(incident.where.value_of("status"),
                  fmt::format("the incident of {} is {}: say why in dispute = \"...\"",
                              format_iso_date(incident.date), name(incident.status)));
        contest_dates_consistent(incident);
        if (!contested && !incident.dispute.empty())
            error(incident.where.value_of("dispute"),
                  fmt::format("the incident of {} has a dispute but its status is confirmed; set "
                              "status = \"disputed\" or \"withdrawn\", or remove the dispute",
                              format_iso_date(incident.date)));
    }
}

// A dispute's day goes with a disputed incident and a withdrawal's with a withdrawn one, each
// on or after the incident; a withdrawal is agreed while an incident can still count: by the
// deadline with every extension, or ultimatum.until when that is later.
void RuleChecker::contest_dates_consistent(const Incident& incident) {
    const auto check = [&](const std::optional<date::sys_days>& day, std::string_view key,
                           IncidentStatus status) {
        if (!day)
            return;
        if (incident.status != status)
            error(incident.where.value_of(key),
                  fmt::format("the incident of {} has {} = {} but its status is {}; {} goes "
                              "with status = \"{}\"",
                              format_iso_date(incident.date), key, format_iso_date(*day),
                              name(incident.status), key, name(status)));
        else if (*day < incident.date)
            error(incident.where.value_of(key),
                  fmt::format("the incident of {} is {} on {}, before it happened",
                              format_iso_date(incident.date), key, format_iso_date(*day)));
    };
    check(incident.disputed, "disputed", IncidentStatus::disputed);
    check(incident.withdrawn, "withdrawn", IncidentStatus::withdrawn);
    if (!incident.withdrawn || incident.status != IncidentStatus::withdrawn || !deadline_known())
        return;
    date::sys_days last = last_deadline();
    if (plan_.ultimatum.until && complete_.ultimatum)
        last = std::max(last, *plan_.ultimatum.until);
    if (*incident.withdrawn > last)
        error(incident.where.value_of("withdrawn"),
              fmt::format("the incident of {} is withdrawn on {}, after {}, the last day an "
                          "incident can count: nothing is withdrawn after it",
                          format_iso_date(incident.date), format_iso_date(*incident.withdrawn),
                          format_iso_date(last)));
}

// A pause runs forwards inside the time box (it ends on or before the deadline with every
// extension: a pause to 9999 would stop the clocks for good), and is agreed on or before that
// deadline.
void RuleChecker::pauses_within_timebox() {
    for (std::size_t i = 0; i < plan_.pauses.size(); ++i) {
        const Pause& pause = plan_.pauses[i];
        if (!complete_.pauses[i].all)
            continue;
        if (complete_.timebox_start && pause.from < plan_.timebox.start)
            error(pause.where.value_of("from"),
                  fmt::format("the pause starts on {}, before the time box starts on {}",
                              format_iso_date(pause.from), format_iso_date(plan_.timebox.start)));
        if (pause.to < pause.from) {
            pauses_consistent_ = false;
            error(pause.where.value_of("to"),
                  fmt::format("the pause ends on {}, before it starts on {}",
                              format_iso_date(pause.to), format_iso_date(pause.from)));
        } else if (deadline_known() && pause.to > last_deadline())
            error(pause.where.value_of("to"),
                  fmt::format("the pause ends on {}, after the deadline {}: a pause stops the "
                              "clocks inside the time box; only a [[timebox.extension]] moves "
                              "the deadline",
                              format_iso_date(pause.to), format_iso_date(last_deadline())));
        if (pause.reopened && pause.where.keys.count("agreed"))
            error(pause.where.value_of("agreed"),
                  fmt::format("the pause from {} was written by a reopening (reopened = {}): it "
                              "is the days the issue stood resolved, in force from its first "
                              "day, and has no agreed day",
                              format_iso_date(pause.from), format_iso_date(*pause.reopened)));
        else if (pause.reopened && *pause.reopened <= pause.to)
            error(pause.where.value_of("reopened"),
                  fmt::format("the pause ends on {} but says the issue was reopened on {}: a "
                              "reopening pauses the days before it",
                              format_iso_date(pause.to), format_iso_date(*pause.reopened)));
        if (deadline_known() && pause.agreed > last_deadline())
            error(pause.where.value_of(pause.where.keys.count("agreed") ? "agreed" : "from"),
                  fmt::format("the pause is agreed on {}, after the deadline {}: nothing is "
                              "agreed after the time box has ended",
                              format_iso_date(pause.agreed), format_iso_date(last_deadline())));
    }
}

// A credit is dated during the plan, and never takes what was credited above what was owed on
// its own day (judged on that day): a credit is of penalties owed, not in advance.
void RuleChecker::credits_within_owed() {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < plan_.credits.size(); ++i) {
        const Credit& credit = plan_.credits[i];
        if (!complete_.credits[i].all)
            continue;
        if (complete_.timebox_start && credit.date < plan_.timebox.start)
            error(credit.where.value_of("date"),
                  fmt::format("the credit of {} is before the time box starts on {}",
                              format_iso_date(credit.date), format_iso_date(plan_.timebox.start)));
        else
            order.push_back(i);
    }
    // Judging needs a plan without errors; a plan with some is refused for them anyway.
    if (order.empty() || has_errors(diagnostics_))
        return;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return plan_.credits[a].date < plan_.credits[b].date;
    });
    // What was owed on each credit's day, judged on that day: one sweep over the days in date
    // order, not the whole plan judged once a day (a thousand credits cost about one judgement).
    std::vector<date::sys_days> days;
    days.reserve(order.size());
    for (std::size_t i : order)
        days.push_back(plan_.credits[i].date);
    const std::vector<Money> owed_then = owed_on_days(plan_, days);
    Money credited;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const Credit& credit = plan_.credits[order[k]];
        const Money owed = owed_then[k];
        const std::optional<Money> sum = checked_add(credited, credit.amount);
        if (!sum || *sum > owed) {
            error(credit.where.value_of("amount"),
                  fmt::format("the credit of {} on {} ({}) takes the credits to {}, more than the "
                              "{} owed that day",
                              money_text(plan_, credit.amount), format_iso_date(credit.date),
                              credit.invoice,
                              sum ? money_text(plan_, *sum)
                                  : std::string("more than remedy can count"),
                              money_text(plan_, owed)));
            return;
        }
        credited = *sum;
    }
}

} // namespace remedy
