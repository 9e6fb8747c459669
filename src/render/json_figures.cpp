#include "json_figures.h"

#include "remedy/model/charges.h"
#include "remedy/model/dates.h"
#include "remedy/model/strikes.h"
#include "remedy/render/judgement_words.h"

#include <fmt/format.h>

namespace remedy::json_figures {

void optional_day(JsonWriter& json, const std::optional<date::sys_days>& day) {
    if (day)
        json.value(format_iso_date(*day));
    else
        json.null();
}

void money(JsonWriter& json, const Plan& plan, Money amount) {
    json.value(format_money(amount, plan.contract.minor_digits));
}

void penalty_totals(JsonWriter& json, const Plan& plan, const Judgement& j) {
    const PenaltyTotals& p = j.penalties;
    json.key("owed");
    money(json, plan, p.owed);
    json.key("total");
    money(json, plan, p.total);
    json.key("cap");
    if (p.cap)
        money(json, plan, *p.cap);
    else
        json.null();
    json.key("cap_reached").value(p.cap_reached);
    json.key("cap_per").value(cap_pers.name(p.cap_per));
    // The months at a month cap, so that a sentence naming them names what the JSON gives.
    json.key("capped_months").begin_array();
    for (const std::string& month : capped_months(j))
        json.value(month);
    json.end_array();
    json.key("credited");
    money(json, plan, p.credited);
    json.key("balance");
    money(json, plan, p.balance);
    json.key("cap_headroom");
    if (j.exposure.cap_headroom)
        money(json, plan, *j.exposure.cap_headroom);
    else
        json.null();
    // Under a month cap the headroom is as_of's month's.
    json.key("cap_headroom_month");
    if (p.cap && p.cap_per == CapPer::month)
        json.value(month_text(month_of(j.as_of)));
    else
        json.null();
    json.key("cap_date");
    optional_day(json, j.exposure.cap_date);
    json.key("grows_no_more").value(j.exposure.grows_no_more);
}

void statement(JsonWriter& json, const Plan& plan, const std::vector<StatementMonth>& months) {
    json.key("months").begin_array();
    for (const StatementMonth& month : months) {
        json.begin_object();
        json.key("month").value(month_text(month.month));
        json.key("accrued");
        money(json, plan, month.accrued);
        json.key("owed");
        money(json, plan, month.owed);
        json.key("credited");
        money(json, plan, month.credited);
        json.key("capped").value(month.capped);
        json.key("balance");
        money(json, plan, month.balance);
        json.key("carried");
        money(json, plan, month.carried);
        if (!month.charges.empty()) {
            json.key("issues").begin_array();
            for (const IssueMonthCharge& charge : month.charges) {
                json.begin_object();
                json.key("id").value(plan.issues[charge.issue].id);
                json.key("late_days").value(static_cast<std::int64_t>(charge.late_days));
                json.key("per_day");
                money(json, plan, charge.per_day);
                json.key("per_miss");
                money(json, plan, charge.per_miss);
                json.end_object();
            }
            json.end_array();
        }
        json.end_object();
    }
    json.end_array();
}

void incident(JsonWriter& json, const Plan& plan, const Judgement& j, std::size_t index) {
    const Incident& incident = plan.incidents[index];
    const IncidentJudgement& judged = j.incidents[index];
    json.begin_object();
    json.key("id");
    if (incident.id.empty())
        json.null();
    else
        json.value(incident.id);
    json.key("date").value(format_iso_date(incident.date));
    json.key("priority").value(name(incident.priority));
    // As it stood on as_of: a dispute or a withdrawal recorded later is not shown before its day.
    json.key("status").value(name(judged.status));
    json.key("summary").value(incident.summary);
    json.key("dispute");
    if (judged.status == IncidentStatus::confirmed)
        json.null();
    else
        json.value(incident.dispute);
    json.key("disputed");
    optional_day(json,
                 judged.status == IncidentStatus::disputed ? incident.disputed : std::nullopt);
    json.key("withdrawn");
    optional_day(json,
                 judged.status == IncidentStatus::withdrawn ? incident.withdrawn : std::nullopt);
    json.key("strike").value(judged.standing == StrikeStanding::strike);
    json.key("standing").value(strike_standings.name(judged.standing));
    json.end_object();
}

void strikes(JsonWriter& json, const Plan& plan, const Judgement& j) {
    json.key("strikes").begin_object();
    json.key("count").value(j.strikes.size());
    json.key("limit").value(j.strike_limit);
    json.key("severity").value(name(plan.ultimatum.severity));
    json.key("warning_given").value(j.warning.has_value());
    json.key("since");
    optional_day(json, j.warning);
    json.key("until");
    optional_day(json, j.warning ? std::optional(j.strike_window_end) : std::nullopt);
    json.key("incidents").begin_array();
    for (std::size_t index : j.strikes)
        incident(json, plan, j, index);
    json.end_array();
    json.end_object();
}

} // namespace remedy::json_figures
