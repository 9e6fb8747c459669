#pragma once

// The parts of the JSON documents that carry the judgement's figures (money, the cap, the
// months, the strikes), shared by status, verdict and penalties. Private to the render layer.

#include "remedy/model/judgement.h"
#include "remedy/model/statement_months.h"
#include "remedy/render/json_writer.h"

#include <optional>
#include <vector>

namespace remedy::json_figures {

void optional_day(JsonWriter& json, const std::optional<date::sys_days>& day);

// Money is a string with exactly the currency's minor digits, never a JSON number.
void money(JsonWriter& json, const Plan& plan, Money amount);

// The keys of "penalties": owed, total, the cap and how it applies (with the months at their
// cap), credits, balance, and the money from here.
void penalty_totals(JsonWriter& json, const Plan& plan, const Judgement& judgement);

// "months": the statement, each month with its balance and what earlier months carry into it.
void statement(JsonWriter& json, const Plan& plan, const std::vector<StatementMonth>& months);

// One incident as it stood on as_of: its status that day, whether it is a strike, and why not.
void incident(JsonWriter& json, const Plan& plan, const Judgement& judgement, std::size_t index);

// "strikes": the count, the ultimatum's terms, and the incidents that count; the warning's day
// and window are null before it is given.
void strikes(JsonWriter& json, const Plan& plan, const Judgement& judgement);

} // namespace remedy::json_figures
