#pragma once

#include "remedy/history/history_rows.h"
#include "remedy/render/json_writer.h"
#include "remedy/render/style.h"

#include <string>

namespace remedy {

// The commits table, the weekly burndown and a bar chart of open and overdue issues per week.
std::string render_history_text(const PlanHistory& history, const Style& style = {});

// {"plan", "deadline", "commits": [...], "weeks": [...]}; an invalid version has "valid": false,
// its first "error" and null figures.
std::string render_history_json(const PlanHistory& history);

// One commit of a history as render_history_json writes it, for the reports that list commits
// (check --commits).
void json_history_commit(JsonWriter& json, const HistoryPoint& commit);

// The changes of each commit, as render_history_text lists them.
std::string render_history_changes(const std::vector<HistoryPoint>& commits, const Style& style);

// One line for status and verdict when the plan's last commit carries a flag, e.g. "2 changes
// in the last commit of the plan (1a2b3c4) are flagged: remedy history --flagged"; empty when
// it carries none.
std::string last_commit_warning(const HistoryPoint& commit);

// One header line and one line per commit ("commit") and per week ("week"), RFC 4180 quoting.
std::string render_history_csv(const PlanHistory& history);

// A standalone SVG chart for a report: open and overdue issues over time on the left axis,
// penalties owed on the right axis, the deadline marked.
std::string render_history_svg(const PlanHistory& history);

} // namespace remedy
