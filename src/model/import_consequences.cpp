// What the facts of an import do, worded as the edit commands word a change's consequence.

#include "remedy/model/consequences.h"
#include "remedy/model/judgement.h"
#include "remedy/model/ticket_import.h"

#include <fmt/format.h>
#include <unordered_map>

namespace remedy {

ImportConsequences import_consequences(const Plan& before, const Plan& after,
                                       const std::vector<ImportedFact>& facts, date::sys_days day) {
    const Judgement was = judge(before, day);
    const Judgement is = judge(after, day);
    const std::vector<std::string> issues = issue_consequences(before, was, after, is);
    // Which strike each incident of `after` is, counted as the plan's line counts them.
    std::unordered_map<std::size_t, std::size_t> strike_of;
    for (std::size_t i = 0; i < is.strikes.size(); ++i)
        strike_of.emplace(is.strikes[i], i + 1);
    ImportConsequences consequences;
    std::size_t next_incident = before.incidents.size();
    for (const ImportedFact& fact : facts) {
        if (fact.kind != ImportedFact::Kind::incident) {
            consequences.facts.push_back(issues.at(fact.issue));
            continue;
        }
        const auto strike = strike_of.find(next_incident++);
        consequences.facts.push_back(
            strike == strike_of.end()
                ? std::string()
                : fmt::format("strike {} of {}", strike->second, is.strike_limit));
    }
    consequences.plan = plan_consequence(after, was, is);
    return consequences;
}

} // namespace remedy
