#include "remedy/model/letter_facts.h"

namespace remedy {

LetterFacts gather_letter_facts(const Plan& plan, const Judgement& j,
                                std::optional<date::sys_days> changes_since,
                                std::optional<date::year_month> month) {
    LetterFacts facts;
    facts.week = changes_in_week_before(plan, j);
    // Before every fact of the plan: the changes in force on as_of.
    const date::sys_days beginning = plan.timebox.start - date::days{1};
    facts.since = changes_since.value_or(beginning);
    facts.agreed = changes_in_force_between(plan, facts.since, j.as_of);
    facts.month = month;
    if (month)
        facts.charges = charges_by_issue_and_month(plan, j.as_of);
    return facts;
}

} // namespace remedy
