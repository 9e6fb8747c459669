#pragma once

#include "remedy/model/diagnostic.h"
#include "remedy/model/plan.h"

#include <vector>

namespace remedy {

// Which parts of a plan were read without error: a rule that ties values together is only
// checked on values that are themselves valid, so one typo does not cause a cascade of errors.
struct ReadCompleteness {
    // The values of one issue that the rules use, each true when it was read without error.
    struct Issue {
        bool id = false;
        bool priority = false;
        bool due = false;
        bool status = false;
        bool resolved = false;
        bool waived = false;

        bool all() const { return id && priority && due && status && resolved && waived; }
    };
    // An incident or a pause: every value of it read without error.
    struct Incident {
        bool all = false;
    };
    struct Pause {
        bool all = false;
    };
    struct Credit {
        bool all = false;
    };

    bool timebox_start = false;
    bool deadline = false; // start, days and every extension
    bool calendar = true;  // [calendar], which rolls the deadline and the due dates
    bool ultimatum = true;
    bool pauses_resolved = true; // every pause read, and the ids it names found
    bool penalties = false;
    std::vector<Issue> issues;       // one per plan.issues
    std::vector<Incident> incidents; // one per plan.incidents
    std::vector<Pause> pauses;       // one per plan.pauses
    std::vector<Credit> credits;     // one per plan.credits
};

// The rules that tie several values together (each value alone was checked when it was read):
// due dates inside the time box, resolution and waiver dates consistent with the status, unique
// ids, facts agreed in time (extensions, pauses, the warning), incidents that stand once, and
// penalties small enough to be computed exactly on every day.
void check_plan_rules(const Plan& plan, const ReadCompleteness& complete, Diagnostics& diagnostics);

} // namespace remedy
