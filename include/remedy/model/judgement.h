#pragma once

#include "remedy/model/exposure.h"
#include "remedy/model/forecast.h"
#include "remedy/model/penalty.h"
#include "remedy/model/plan.h"
#include "remedy/model/strikes.h"
#include "remedy/model/verdict.h"

#include <cstddef>
#include <vector>

namespace remedy {

// One issue on as_of.
struct IssueJudgement {
    IssueStatus state = IssueStatus::open;
    IssueDates dates; // effective due, grace end, end, cut-off, paused days
    bool overdue = false;
    int days_overdue = 0;
    IssuePenalty penalty;
    bool accruing = false; // a per-day charge falls on as_of
    // The overdue days that count, end - E without the days off and the paused days: working
    // days on a working-day contract. What "resolved 4 working days late" says.
    long long counted_days_overdue = 0;
};

// One incident on as_of.
struct IncidentJudgement {
    IncidentStatus status = IncidentStatus::confirmed; // as it stood on as_of (status_on)
    StrikeStanding standing = StrikeStanding::not_yet; // a strike, or why not
    int strike = 0; // its number among the strikes (1-based); 0 when it is not one
};

// Everything SPEC.md says about a plan on one day. A pure function of (plan, as_of).
struct Judgement {
    date::sys_days as_of;
    date::sys_days deadline;            // D: with the extensions in force on as_of, rolled
    int days_left = 0;                  // deadline - as_of, negative once it has passed
    int extension_days = 0;             // of the extensions in force on as_of
    std::vector<IssueJudgement> issues; // in the plan's order
    PenaltyTotals penalties;
    std::vector<std::size_t> strikes; // indexes into plan.incidents
    int strike_limit = 1;
    std::optional<date::sys_days> warning;    // the final warning, when it was given by as_of
    date::sys_days strike_window_end;         // the last day an incident can be a strike
    std::vector<IncidentJudgement> incidents; // in the plan's order
    Verdict verdict = Verdict::on_track;
    std::vector<Reason> reasons;
    // Issue indexes in the order of issues_by_urgency, sorted once here because the verdict's
    // reasons and every report list issues in that order.
    std::vector<std::size_t> by_urgency;
    // Before a miss: the warnings and the forecast of an undecided verdict, and the money from
    // here.
    std::vector<Warning> warnings;
    std::optional<Forecast> forecast;
    Exposure exposure;
};

Judgement judge(const Plan& plan, date::sys_days as_of);

} // namespace remedy
