#include "remedy/edit/import_edits.h"

#include "fact_edit.h"
#include "remedy/edit/text_edit.h"

#include <fmt/format.h>
#include <unordered_set>

namespace remedy {

Expected<ImportChange> record_imported_facts(const Plan& plan, std::string_view text,
                                             const std::vector<ImportedFact>& facts,
                                             date::sys_days today) {
    ImportChange change;
    std::vector<TextEdit> edits;
    // Every edit below is found in `text` as it is: its lines are counted once.
    const LineIndex lines(text);
    // Two facts on one issue would edit the same bytes; decide_import never gives them.
    std::unordered_set<std::size_t> edited;
    for (const ImportedFact& fact : facts) {
        const auto record = [&]() -> Expected<FactEdit> {
            switch (fact.kind) {
            case ImportedFact::Kind::start:
                return start_edit(text, plan.issues.at(fact.issue), today, "");
            case ImportedFact::Kind::resolution:
                return resolution_edit(text, plan.issues.at(fact.issue), fact.day, "");
            case ImportedFact::Kind::incident:
                break;
            }
            return incident_edit(
                text, NewIncident{fact.day, fact.priority, fact.summary, "", fact.ticket});
        };
        Expected<FactEdit> edit = record();
        if (fact.kind != ImportedFact::Kind::incident && !edited.insert(fact.issue).second)
            return fail(fmt::format("line {}: a second fact on issue {} in one import", fact.line,
                                    plan.issues[fact.issue].id));
        if (!edit)
            return fail(fmt::format("line {}: {}", fact.line, edit.error()));
        edits.insert(edits.end(), edit->edits.begin(), edit->edits.end());
        change.summaries.push_back(std::move(edit->summary));
    }
    change.text = apply_edits(text, std::move(edits));
    return change;
}

} // namespace remedy
