// The edits that record dated facts: incidents (and their disputes), extensions, pauses.

#include "fact_edit.h"
#include "key_edits.h"
#include "remedy/edit/plan_edits.h"
#include "remedy/model/dates.h"
#include "remedy/model/money.h"
#include "remedy/model/wording.h"
#include "remedy/util/ascii.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

// The incident a command names: by its id (any case), or by its date, with a summary when that
// day has several.
Expected<const Incident*> find_incident(const Plan& plan, const IncidentName& name) {
    const std::string wanted = to_lower_ascii(name.id_or_date);
    for (const Incident& incident : plan.incidents)
        if (!incident.id.empty() && to_lower_ascii(incident.id) == wanted)
            return &incident;
    const Expected<date::sys_days> day = parse_iso_date(name.id_or_date);
    if (!day)
        return fail(fmt::format("{} has no incident {} (name one by its id or its date, "
                                "YYYY-MM-DD)",
                                plan.file, name.id_or_date));
    std::vector<const Incident*> that_day;
    for (const Incident& incident : plan.incidents)
        if (incident.date == *day && (name.summary.empty() || incident.summary == name.summary))
            that_day.push_back(&incident);
    if (that_day.empty())
        return fail(fmt::format(
            "{} has no incident on {}{}", plan.file, name.id_or_date,
            name.summary.empty() ? "" : fmt::format(" with the summary \"{}\"", name.summary)));
    if (that_day.size() > 1) {
        std::string summaries;
        for (const Incident* incident : that_day)
            summaries += fmt::format("{}\"{}\"", summaries.empty() ? "" : ", ", incident->summary);
        return fail(fmt::format("{} has {} incidents on {} ({}); give --summary to name one",
                                plan.file, that_day.size(), name.id_or_date, summaries));
    }
    return that_day.front();
}

std::string incident_label(const Incident& incident) {
    return incident.id.empty()
               ? fmt::format("the {} incident of {}", name(incident.priority),
                             format_iso_date(incident.date))
               : fmt::format("incident {} ({}, {})", incident.id, name(incident.priority),
                             format_iso_date(incident.date));
}

} // namespace

FactEdit incident_edit(std::string_view text, const NewIncident& incident) {
    std::vector<std::string> lines = {"[[incident]]"};
    if (!incident.id.empty())
        lines.push_back("id = " + toml_string(incident.id));
    lines.insert(lines.end(), {"date = " + format_iso_date(incident.date),
                               fmt::format("priority = \"{}\"", name(incident.priority)),
                               "summary = " + toml_string(incident.summary)});
    if (!incident.ticket.empty())
        lines.push_back("ticket = " + toml_string(incident.ticket));
    if (!incident.note.empty())
        lines.push_back("notes = " +
                        toml_string(fmt::format("{}, recorded: {}", format_iso_date(incident.date),
                                                incident.note)));
    return FactEdit{{append_table(text, lines)},
                    fmt::format("{} incident{} recorded on {}: {}", name(incident.priority),
                                incident.id.empty() ? "" : " " + incident.id,
                                format_iso_date(incident.date), incident.summary)};
}

Expected<PlanChange> add_incident(const Plan& plan, std::string_view text, Priority priority,
                                  std::string_view summary, date::sys_days on,
                                  std::string_view note, std::string_view id) {
    // An incident is its day and its summary (the format allows no two alike).
    for (const Incident& incident : plan.incidents)
        if (incident.date == on && incident.summary == summary) {
            if (incident.priority != priority)
                return fail(fmt::format("{} is already recorded as {}, not {}",
                                        incident_label(incident), name(incident.priority),
                                        name(priority)));
            return already_recorded(
                text, fmt::format("{} is already recorded: {}{}", incident_label(incident), summary,
                                  note.empty() ? "" : " (the note is not added)"));
        }
    const FactEdit edit = incident_edit(text, NewIncident{on, priority, std::string(summary),
                                                          std::string(note), "", std::string(id)});
    return PlanChange{apply_edits(text, edit.edits), edit.summary};
}

Expected<PlanChange> add_extension(const Plan& plan, std::string_view text, int days,
                                   std::string_view reason, date::sys_days agreed) {
    for (const Extension& extension : plan.timebox.extensions)
        if (extension.days == days && extension.agreed == agreed && extension.reason == reason)
            return already_recorded(
                text, fmt::format("the extension of {} agreed {} is already recorded: {}",
                                  plural(days, "day"), format_iso_date(agreed), reason));
    // After the time box and its last extension, so the extensions stay together.
    std::vector<const SourceMap*> after = {&plan.timebox.where};
    for (const Extension& extension : plan.timebox.extensions)
        after.push_back(&extension.where);
    const std::vector<std::string> lines = {"[[timebox.extension]]", fmt::format("days = {}", days),
                                            "agreed = " + format_iso_date(agreed),
                                            "reason = " + toml_string(reason)};
    return PlanChange{apply_edits(text, {insert_table_after(text, after, lines)}),
                      fmt::format("time box extended by {} (agreed {}): {}", plural(days, "day"),
                                  format_iso_date(agreed), reason)};
}

Expected<PlanChange> add_pause(const Plan& plan, std::string_view text, const NewPause& pause) {
    std::vector<std::string> lines = {"[[pause]]", "from = " + format_iso_date(pause.from),
                                      "to = " + format_iso_date(pause.to)};
    std::string covered;
    std::vector<std::size_t> indexes; // of the issues it covers, to compare with the others
    if (!pause.issues.empty()) {
        std::string ids;
        for (const std::string& typed : pause.issues) {
            TRY_ASSIGN(const Issue* issue, find_issue(plan, typed));
            ids += (ids.empty() ? "" : ", ") + toml_string(issue->id);
            covered += (covered.empty() ? "" : ", ") + issue->id;
            indexes.push_back(static_cast<std::size_t>(issue - plan.issues.data()));
        }
        lines.push_back("issues = [" + ids + "]");
    }
    std::sort(indexes.begin(), indexes.end());
    const date::sys_days agreed = pause.agreed.value_or(pause.from);
    for (const Pause& existing : plan.pauses) {
        std::vector<std::size_t> same = existing.covered;
        std::sort(same.begin(), same.end());
        if (existing.from == pause.from && existing.to == pause.to &&
            existing.reason == pause.reason && existing.agreed == agreed && same == indexes)
            return already_recorded(
                text,
                fmt::format("the pause {} to {} of {}, agreed {}, is already recorded",
                            format_iso_date(pause.from), format_iso_date(pause.to),
                            covered.empty() ? "every issue" : covered, format_iso_date(agreed)));
    }
    lines.push_back("reason = " + toml_string(pause.reason));
    if (pause.agreed)
        lines.push_back("agreed = " + format_iso_date(*pause.agreed));
    return PlanChange{
        apply_edits(text, {pause_table(plan, text, lines)}),
        fmt::format("pause {} to {} of {}, agreed {}: {}", format_iso_date(pause.from),
                    format_iso_date(pause.to), covered.empty() ? "every issue" : covered,
                    format_iso_date(pause.agreed.value_or(pause.from)), pause.reason)};
}

Expected<PlanChange> add_credit(const Plan& plan, std::string_view text, const NewCredit& credit) {
    // The same credit is its day, its amount and its invoice.
    const Expected<Decimal> decimal = parse_decimal(credit.amount);
    const Expected<Money> amount = decimal
                                       ? money_from_decimal(*decimal, plan.contract.minor_digits)
                                       : Expected<Money>(fail(decimal.error()));
    for (const Credit& existing : plan.credits)
        if (amount && existing.date == credit.date && existing.amount == *amount &&
            existing.invoice == credit.invoice)
            return already_recorded(text,
                                    fmt::format("the credit of {} {} on {} ({}) is already "
                                                "recorded",
                                                credit.amount, plan.contract.currency,
                                                format_iso_date(credit.date), credit.invoice));
    std::vector<std::string> lines = {"[[credit]]", "date = " + format_iso_date(credit.date),
                                      "amount = " + toml_string(credit.amount),
                                      "invoice = " + toml_string(credit.invoice)};
    if (!credit.note.empty())
        lines.push_back("note = " + toml_string(credit.note));
    std::vector<const SourceMap*> credits;
    for (const Credit& existing : plan.credits)
        credits.push_back(&existing.where);
    const TextEdit edit =
        credits.empty() ? append_table(text, lines) : insert_table_after(text, credits, lines);
    return PlanChange{apply_edits(text, {edit}),
                      fmt::format("credit of {} {} on {} recorded ({})", credit.amount,
                                  plan.contract.currency, format_iso_date(credit.date),
                                  credit.invoice)};
}

Expected<PlanChange> contest_incident(const Plan& plan, std::string_view text,
                                      const IncidentName& name, IncidentStatus status,
                                      std::string_view reason, date::sys_days on,
                                      std::string_view note) {
    TRY_ASSIGN(const Incident* found, find_incident(plan, name));
    const Incident& incident = *found;
    if (incident.status == status && incident.dispute == reason)
        return already_recorded(text,
                                fmt::format("{} is already {}: {}{}", incident_label(incident),
                                            remedy::name(status), reason,
                                            note.empty() ? "" : " (the note is not added)"));
    if (incident.status == status)
        return fail(fmt::format("{} is already {}: {}", incident_label(incident),
                                remedy::name(status), incident.dispute));
    if (incident.status == IncidentStatus::withdrawn)
        return fail(fmt::format("{} is withdrawn; it no longer counts", incident_label(incident)));
    const std::string existing = quoting_of(text, incident.where, "status");
    const std::string_view word = remedy::name(status); // "disputed", "withdrawn": the key too
    std::vector<TextEdit> edits = {
        set_key(text, incident.where, "status", string_like(existing, word)),
        set_key(text, incident.where, "dispute", toml_string(reason)),
        set_key(text, incident.where, word, format_iso_date(on))};
    // A withdrawal replaces the dispute; its day goes with it (the file keeps one status).
    if (status == IncidentStatus::withdrawn)
        if (auto removal = remove_key(text, incident.where, "disputed"))
            edits.push_back(*removal);
    if (auto noted = note_edit(text, incident.where, incident.notes, on, word, note))
        edits.push_back(*noted);
    return PlanChange{apply_edits(text, edits),
                      fmt::format("{} {} on {}: {}", incident_label(incident), word,
                                  format_iso_date(on), reason)};
}

Expected<PlanChange> give_warning(const Plan& plan, std::string_view text,
                                  const FinalWarning& warning) {
    const Ultimatum& ultimatum = plan.ultimatum;
    if (!ultimatum.present)
        return fail(fmt::format("{} has no [ultimatum]: the notice of {} is its final warning, "
                                "and the incidents after it count; if no warning was given, "
                                "say so first (remedy config ultimatum.given false)",
                                plan.file, format_iso_date(plan.timebox.start)));
    // The same warning recorded again changes nothing; another one is refused.
    const bool same = ultimatum.issued == warning.on &&
                      warning.strikes.value_or(ultimatum.strikes) == ultimatum.strikes &&
                      warning.severity.value_or(ultimatum.severity) == ultimatum.severity &&
                      (!warning.until || warning.until == ultimatum.until);
    if (ultimatum.given && same)
        return already_recorded(text, fmt::format("the final warning is already recorded on {}",
                                                  format_iso_date(ultimatum.issued)));
    if (ultimatum.given)
        return fail(fmt::format("the final warning was given on {}; a warning is given once",
                                format_iso_date(ultimatum.issued)));
    std::vector<TextEdit> edits = {
        set_key(text, ultimatum.where, "issued", format_iso_date(warning.on))};
    if (auto removal = remove_key(text, ultimatum.where, "given"))
        edits.push_back(*removal);
    std::string terms;
    if (warning.strikes) {
        edits.push_back(
            set_key(text, ultimatum.where, "strikes", std::to_string(*warning.strikes)));
        terms += fmt::format(", strikes {}", *warning.strikes);
    }
    if (warning.severity) {
        edits.push_back(set_key(
            text, ultimatum.where, "severity",
            string_like(quoting_of(text, ultimatum.where, "severity"), name(*warning.severity))));
        terms += fmt::format(", severity {}", name(*warning.severity));
    }
    if (warning.until) {
        edits.push_back(set_key(text, ultimatum.where, "until", format_iso_date(*warning.until)));
        terms += fmt::format(", until {}", format_iso_date(*warning.until));
    }
    return PlanChange{apply_edits(text, edits), fmt::format("final warning given on {}{}",
                                                            format_iso_date(warning.on), terms)};
}

} // namespace remedy
