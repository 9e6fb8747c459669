#include "remedy/render/json_report.h"

#include "json_figures.h"
#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/ci_flags.h"
#include "remedy/render/json_writer.h"
#include "remedy/render/judgement_words.h"

#include <fmt/format.h>

namespace remedy {

using namespace json_figures;

namespace {

void reasons(JsonWriter& json, const Plan& plan, const Judgement& j) {
    json.key("reasons").begin_array();
    for (const Reason& reason : j.reasons)
        json.value(reason_text(plan, j, reason));
    json.end_array();
}

void timebox(JsonWriter& json, const Plan& plan, const Judgement& j) {
    json.key("timebox").begin_object();
    json.key("start").value(format_iso_date(plan.timebox.start));
    json.key("days").value(plan.timebox.days);
    json.key("extension_days").value(j.extension_days);
    json.key("deadline").value(format_iso_date(j.deadline));
    json.key("days_left").value(j.days_left);
    json.end_object();
}

void warnings_and_forecast(JsonWriter& json, const Plan& plan, const Judgement& j) {
    json.key("warnings").begin_array();
    for (const Warning& warning : j.warnings) {
        json.begin_object();
        json.key("kind").value(warning_kinds.name(warning.kind));
        json.key("issue");
        if (warning.issue)
            json.value(plan.issues[*warning.issue].id);
        else
            json.null();
        json.key("text").value(warning_text(plan, j, warning));
        json.end_object();
    }
    json.end_array();
    json.key("forecast");
    if (!j.forecast) {
        json.null();
        return;
    }
    json.begin_object();
    json.key("window_days").value(j.forecast->window_days);
    json.key("resolved").value(j.forecast->resolved);
    json.key("open").value(j.forecast->open);
    json.key("finish");
    optional_day(json, j.forecast->finish);
    json.key("after_deadline");
    if (j.forecast->finish)
        json.value(j.forecast->after_deadline);
    else
        json.null();
    json.end_object();
}

// The figures behind an issue's money: its grace end, its paused days, its waiver's day.
void day_figures(JsonWriter& json, const Plan& plan, const Issue& issue,
                 const IssueJudgement& judged) {
    json.key("grace_end").value(format_iso_date(judged.dates.grace_end));
    json.key("paused_days").value(static_cast<std::int64_t>(judged.dates.paused_days));
    json.key("waived");
    if (judged.state == IssueStatus::waived)
        json.value(format_iso_date(issue.waived.value_or(plan.timebox.start)));
    else
        json.null();
}

void id_list(JsonWriter& json, const Plan& plan, const std::vector<std::size_t>& issues) {
    json.begin_array();
    for (std::size_t i : issues)
        json.value(plan.issues[i].id);
    json.end_array();
}

void changes(JsonWriter& json, const Plan& plan, const Judgement& j, const RecentChanges& c) {
    json.key("changes").begin_object();
    json.key("since").value(format_iso_date(c.since));
    json.key("verdict_before").value(name(c.verdict_before));
    json.key("resolved");
    id_list(json, plan, c.resolved);
    json.key("became_overdue");
    id_list(json, plan, c.became_overdue);
    json.key("owed_before");
    money(json, plan, c.owed_before);
    json.key("owed_growth");
    money(json, plan, Money{c.owed_now.minor - c.owed_before.minor});
    json.key("incidents").begin_array();
    for (std::size_t index : c.incidents)
        incident(json, plan, j, index);
    json.end_array();
    json.key("new_strikes").value(c.new_strikes.size());
    json.end_object();
}

void head(JsonWriter& json, const Plan& plan, const Judgement& j) {
    json.key("as_of").value(format_iso_date(j.as_of));
    json.key("verdict").value(name(j.verdict));
    reasons(json, plan, j);
    timebox(json, plan, j);
    json.key("currency").value(plan.contract.currency);
}

} // namespace

namespace {

// Text that may be absent: null when empty.
void text_or_null(JsonWriter& json, const std::string& text) {
    if (text.empty())
        json.null();
    else
        json.value(text);
}

// One issue on as_of: what status lists, and `remedy status ID` shows.
void issue_object(JsonWriter& json, const Plan& plan, const Judgement& j, std::size_t i) {
    const Issue& issue = plan.issues[i];
    const IssueJudgement& judged = j.issues[i];
    json.begin_object();
    json.key("id").value(issue.id);
    json.key("title").value(issue.title);
    json.key("priority").value(name(issue.priority));
    json.key("state").value(name(judged.state));
    json.key("due").value(format_iso_date(issue.due));
    json.key("effective_due").value(format_iso_date(judged.dates.effective_due));
    json.key("resolved");
    if (judged.state == IssueStatus::resolved)
        json.value(format_iso_date(*issue.resolved));
    else
        json.null();
    json.key("overdue").value(judged.overdue);
    json.key("days_overdue").value(judged.days_overdue);
    json.key("counted_days_overdue").value(static_cast<std::int64_t>(judged.counted_days_overdue));
    json.key("late_days").value(judged.penalty.late_days);
    json.key("penalty");
    money(json, plan, judged.penalty.subtotal);
    json.key("accruing").value(judged.accruing);
    day_figures(json, plan, issue, judged);
    json.key("category");
    text_or_null(json, issue.category);
    json.key("owner");
    text_or_null(json, issue.owner);
    json.key("ticket");
    text_or_null(json, issue.ticket);
    json.key("notes");
    text_or_null(json, notes_on(issue.notes, j.as_of));
    json.end_object();
}

} // namespace

std::string render_issue_json(const Plan& plan, const Judgement& j, std::size_t issue) {
    JsonWriter json;
    issue_object(json, plan, j, issue);
    return json.finish();
}

std::string render_status_json(const Plan& plan, const Judgement& j, const RecentChanges& c) {
    JsonWriter json;
    json.begin_object();
    head(json, plan, j);
    json.key("penalties").begin_object();
    penalty_totals(json, plan, j);
    json.end_object();
    strikes(json, plan, j);
    // Every incident that had happened on as_of, each as it stood that day.
    json.key("incidents").begin_array();
    for (std::size_t i = 0; i < plan.incidents.size(); ++i)
        if (j.incidents[i].standing != StrikeStanding::not_yet)
            incident(json, plan, j, i);
    json.end_array();
    json.key("issues").begin_array();
    for (std::size_t i = 0; i < plan.issues.size(); ++i)
        issue_object(json, plan, j, i);
    json.end_array();
    warnings_and_forecast(json, plan, j);
    json.key("client").value(plan.client.name);
    json.key("provider").value(plan.provider.name);
    changes(json, plan, j, c);
    json.end_object();
    return json.finish();
}

std::string render_verdict_json(const Plan& plan, const Judgement& j) {
    JsonWriter json;
    json.begin_object();
    head(json, plan, j);
    json.key("decided").value(j.verdict == Verdict::terminate || j.verdict == Verdict::remediated);
    json.key("penalties").begin_object();
    penalty_totals(json, plan, j);
    json.end_object();
    strikes(json, plan, j);
    json.key("to_resolve").begin_array();
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const IssueStatus state = j.issues[i].state;
        if (state != IssueStatus::open && state != IssueStatus::in_progress)
            continue;
        json.begin_object();
        json.key("id").value(plan.issues[i].id);
        json.key("priority").value(name(plan.issues[i].priority));
        json.key("due").value(format_iso_date(plan.issues[i].due));
        json.key("effective_due").value(format_iso_date(j.issues[i].dates.effective_due));
        json.key("by").value(format_iso_date(j.issues[i].dates.cut_off));
        json.key("overdue").value(j.issues[i].overdue);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    return json.finish();
}

std::string render_penalties_json(const Plan& plan, const Judgement& j,
                                  const std::vector<StatementMonth>* months) {
    JsonWriter json;
    json.begin_object();
    json.key("as_of").value(format_iso_date(j.as_of));
    json.key("currency").value(plan.contract.currency);
    json.key("deadline").value(format_iso_date(j.deadline));
    json.key("grace_days").value(plan.penalties.grace_days);
    json.key("issues").begin_array();
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const Issue& issue = plan.issues[i];
        const IssuePenalty& p = j.issues[i].penalty;
        json.begin_object();
        json.key("id").value(issue.id);
        json.key("priority").value(name(issue.priority));
        json.key("state").value(name(j.issues[i].state));
        json.key("due").value(format_iso_date(issue.due));
        json.key("effective_due").value(format_iso_date(j.issues[i].dates.effective_due));
        json.key("end").value(format_iso_date(p.end));
        json.key("grace_until").value(format_iso_date(p.grace_until));
        json.key("paused_days").value(static_cast<std::int64_t>(j.issues[i].dates.paused_days));
        json.key("late_days").value(p.late_days);
        json.key("missed").value(p.missed);
        json.key("missed_on");
        if (p.missed_on)
            json.value(format_iso_date(*p.missed_on));
        else
            json.null();
        json.key("per_day_rate");
        money(json, plan, p.per_day_rate);
        json.key("per_day");
        money(json, plan, p.per_day_amount);
        json.key("per_miss");
        money(json, plan, p.per_miss);
        json.key("penalty");
        money(json, plan, p.subtotal);
        json.end_object();
    }
    json.end_array();
    penalty_totals(json, plan, j);
    json.key("terminate_at_cap").value(plan.penalties.terminate_at_cap);
    if (months)
        statement(json, plan, *months);
    json.end_object();
    return json.finish();
}

namespace {

// One plan's `check` object: what render_check_json writes, and each element of the array of
// several plans.
void check_object(JsonWriter& json, const CheckedPlan& checked, FailOn fail_on) {
    const std::string& file = checked.file;
    const Plan* plan = checked.plan;
    const Judgement* judgement = checked.judgement;
    const Diagnostics& diagnostics = *checked.diagnostics;
    json.begin_object();
    json.key("file").value(file);
    json.key("valid").value(plan != nullptr);
    json.key("fail_on").value(name(fail_on));
    json.key("passed").value(check_passes(checked, fail_on));
    json.key("as_of");
    if (judgement)
        json.value(format_iso_date(judgement->as_of));
    else
        json.null();
    json.key("verdict");
    if (judgement)
        json.value(name(judgement->verdict));
    else
        json.null();
    json.key("reasons").begin_array();
    for (std::size_t i = 0; judgement && i < judgement->reasons.size(); ++i)
        json.value(reason_text(*plan, *judgement, judgement->reasons[i]));
    json.end_array();
    json.key("warnings").begin_array();
    for (std::size_t i = 0; judgement && i < judgement->warnings.size(); ++i) {
        const Warning& warning = judgement->warnings[i];
        json.begin_object();
        json.key("kind").value(warning_kinds.name(warning.kind));
        json.key("issue");
        if (warning.issue && plan)
            json.value(plan->issues[*warning.issue].id);
        else
            json.null();
        json.key("text").value(warning_text(*plan, *judgement, warning));
        json.end_object();
    }
    json.end_array();
    json.key("diagnostics").begin_array();
    for (const Diagnostic& d : diagnostics) {
        json.begin_object();
        json.key("severity").value(d.severity == Severity::error ? "error" : "warning");
        json.key("file").value(d.file);
        if (d.pos.known()) {
            json.key("line").value(static_cast<std::int64_t>(d.pos.line));
            json.key("column").value(static_cast<std::int64_t>(d.pos.column));
        } else {
            json.key("line").null();
            json.key("column").null();
        }
        json.key("message").value(d.message);
        json.end_object();
    }
    json.end_array();
    if (checked.commits)
        commits_json(json, *checked.commits);
    json.end_object();
}

} // namespace

std::string render_check_json(const std::string& file, const Plan* plan, const Judgement* judgement,
                              const Diagnostics& diagnostics, FailOn fail_on) {
    JsonWriter json;
    check_object(json, {file, plan, judgement, &diagnostics}, fail_on);
    return json.finish();
}

std::string render_check_json(const CheckedPlan& checked, FailOn fail_on) {
    JsonWriter json;
    check_object(json, checked, fail_on);
    return json.finish();
}

std::string render_check_json(const std::vector<CheckedPlan>& plans, FailOn fail_on) {
    JsonWriter json;
    json.begin_array();
    for (const CheckedPlan& checked : plans)
        check_object(json, checked, fail_on);
    json.end_array();
    return json.finish();
}

} // namespace remedy
