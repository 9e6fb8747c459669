#pragma once

#include "remedy/model/agreed_changes.h"
#include "remedy/model/charges.h"
#include "remedy/model/judgement.h"
#include "remedy/model/recent_changes.h"

#include <date/date.h>
#include <optional>
#include <string>
#include <vector>

namespace remedy {

// What a letter says besides the plan and its judgement: the week before, the changes agreed,
// a month's charges, and what the person writing it asked for. Gathered here, so that the
// renderer that words the letter judges nothing.
struct LetterFacts {
    RecentChanges week;   // the week before as_of
    date::sys_days since; // the record of changes: the changes after this day are the letter's
    // With a record of changes, those in (since, as_of]; else every change in force on as_of,
    // which the letters cite by their dates.
    std::vector<AgreedChange> agreed;
    std::optional<date::year_month> month; // a statement's month
    std::vector<IssueMonthCharge> charges; // a statement's detail: every issue's charges by month
    bool forced = false; // a termination written although the verdict is not terminate
    std::string reason;  // the ground given for a forced termination
    std::optional<date::sys_days> effective; // a termination's effective date; default as_of
    bool month_forced = false; // a statement for a month that has not ended or owes nothing
};

// The facts of a letter on the judgement's day. `changes_since`: a record of the changes agreed
// after that day (the `changes` letter); without it, the changes in force are gathered for
// citing. `month`: a statement's month, whose charges are gathered.
LetterFacts gather_letter_facts(const Plan& plan, const Judgement& judgement,
                                std::optional<date::sys_days> changes_since,
                                std::optional<date::year_month> month);

} // namespace remedy
