#pragma once

#include "remedy/model/daily_figures.h"
#include "remedy/model/judgement.h"
#include "remedy/model/pauses.h"

#include <date/date.h>
#include <string>
#include <vector>

namespace remedy {

// `remedy report`: one self-contained HTML page for the people who decide whether the provider
// stays. No script and no external resource: its charts are inline SVG, its text and tables
// real text; a print stylesheet keeps rows and charts whole on A4 and Letter pages.

// One change of the plan that the audit trail flags, from the commit that made it.
struct AuditFlag {
    date::sys_days day; // the commit's day in the plan's zone
    std::string commit; // the full hash
    std::string author;
    std::string subject;
    std::string change; // the change in words
    std::string why;    // the flags in words
};

// What the plan's git history says, found by the command (a renderer runs no git).
struct AuditTrail {
    bool tracked = false;         // the plan has a git history to audit
    std::vector<AuditFlag> flags; // the flagged changes committed on or before as_of
};

// What the page draws besides the judgement of as_of, computed by the command.
struct BoardReportFacts {
    std::vector<DayFigures> days;              // daily_figures(plan, as_of)
    std::vector<std::vector<DayRange>> paused; // paused_ranges_on(plan, as_of)
    AuditTrail audit;
};

std::string render_board_report(const Plan& plan, const Judgement& judgement,
                                const BoardReportFacts& facts);

} // namespace remedy
