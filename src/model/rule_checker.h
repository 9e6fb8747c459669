#pragma once

#include "remedy/model/dates.h"
#include "remedy/model/plan_rules.h"
#include "remedy/model/timebox.h"

#include <fmt/format.h>
#include <optional>
#include <string>

namespace remedy {

// Checks the rules that tie a plan's values together, each value alone having been checked when
// it was read; a rule is only checked on values that were read without error, so that one typo
// does not cause a cascade of errors. The rules about issues and money are in plan_rules.cpp,
// those about dated facts (extensions, the ultimatum, incidents, pauses) in fact_rules.cpp.
class RuleChecker {
public:
    RuleChecker(const Plan& plan, const ReadCompleteness& complete, Diagnostics& diagnostics)
        : plan_(plan), complete_(complete), diagnostics_(diagnostics) {}

    // plan_rules.cpp
    void deadline_within_years();
    void due_inside_timebox();
    void resolution_matches_status();
    void waiver_matches_status();
    void unique_ids();
    void unique_tickets();
    void dates_within_years();
    void penalties_computable();
    void has_issues();

    // fact_rules.cpp
    void extensions_agreed_in_time();
    void ultimatum_within_timebox();
    void incidents_consistent();
    void contest_dates_consistent(const Incident& incident);
    void pauses_within_timebox();
    void credits_within_owed();

private:
    void error(SourcePos pos, std::string message) {
        diagnostics_.push_back({Severity::error, plan_.file, pos, std::move(message)});
    }
    void warning(SourcePos pos, std::string message) {
        diagnostics_.push_back({Severity::warning, plan_.file, pos, std::move(message)});
    }

    const ReadCompleteness::Issue& valid(std::size_t i) const { return complete_.issues[i]; }
    // Whether every value the deadline depends on was read without error.
    bool deadline_known() const {
        return complete_.deadline && complete_.calendar && deadline_within_years_;
    }

    // The deadline with every extension, computed once: a plan may list hundreds of extensions
    // and thousands of pauses and waivers, each checked against it.
    date::sys_days last_deadline() {
        if (!last_deadline_)
            last_deadline_ = final_deadline(plan_);
        return *last_deadline_;
    }

    // How a message names an issue: its id, or its place when the id itself is invalid.
    static std::string named(const Issue& issue) {
        return issue.id.empty() ? fmt::format("at line {}", issue.where.table.begin.line)
                                : issue.id;
    }

    const Plan& plan_;
    const ReadCompleteness& complete_;
    Diagnostics& diagnostics_;
    // False once a pause was found that runs backwards: the days of the plan cannot be judged.
    bool pauses_consistent_ = true;
    // False once the deadline, rolled to a working day, was found past the supported years.
    bool deadline_within_years_ = true;
    std::optional<date::sys_days> last_deadline_;
};

} // namespace remedy
