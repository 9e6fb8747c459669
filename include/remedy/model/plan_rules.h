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

        bool all() const { return id && priority && due && status && resolved; }
    };

    bool timebox_start = false;
    bool deadline = false; // start, days and every extension
    bool penalties = false;
    std::vector<Issue> issues; // one per plan.issues
};

// The rules of SPEC.md that tie several values together (each value alone was checked when it
// was read): due dates inside the time box, resolution dates consistent with the status, unique
// ids, and penalties small enough to be computed exactly on every day.
void check_plan_rules(const Plan& plan, const ReadCompleteness& complete, Diagnostics& diagnostics);

} // namespace remedy
