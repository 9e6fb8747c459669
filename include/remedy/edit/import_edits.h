#pragma once

#include "remedy/model/plan.h"
#include "remedy/model/ticket_import.h"
#include "remedy/util/expected.h"

#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// The facts of an import recorded in the plan's text as ONE change: each through the edit of
// the command that records it alone (start, resolve --on, incident), so with the same checks and
// the same words; everything else in the text stays byte for byte. `plan` is `text` as read, the
// plan the facts were decided on (decide_import), with at most one fact an issue.
struct ImportChange {
    std::string text;
    std::vector<std::string> summaries; // one a fact, in the facts' order
};
Expected<ImportChange> record_imported_facts(const Plan& plan, std::string_view text,
                                             const std::vector<ImportedFact>& facts,
                                             date::sys_days today);

} // namespace remedy
