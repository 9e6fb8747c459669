#pragma once

#include "remedy/history/history_rows.h"
#include "remedy/render/style.h"

#include <string>

namespace remedy {

// The commits table, the weekly burndown and a bar chart of open and overdue issues per week.
std::string render_history_text(const PlanHistory& history, const Style& style = {});

// {"plan", "deadline", "commits": [...], "weeks": [...]}; an invalid version has "valid": false,
// its first "error" and null figures.
std::string render_history_json(const PlanHistory& history);

// One header line and one line per commit ("commit") and per week ("week"), RFC 4180 quoting.
std::string render_history_csv(const PlanHistory& history);

// A standalone SVG chart for a report: open and overdue issues over time on the left axis,
// penalties owed on the right axis, the deadline marked.
std::string render_history_svg(const PlanHistory& history);

} // namespace remedy
