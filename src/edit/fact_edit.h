#pragma once

// The edits that record one fact, shared by the command that records it alone (resolve, start,
// incident) and by `remedy import`, which records many in one change: the same checks, the same
// text, the same summary. Private to the edit layer.

#include "remedy/edit/text_edit.h"
#include "remedy/model/plan.h"
#include "remedy/util/expected.h"

#include <date/date.h>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// What recording one fact changes in the text (edits made against the text as read, so that
// the edits of several facts on different tables can be applied together), and the line that
// says what it did.
struct FactEdit {
    std::vector<TextEdit> edits;
    std::string summary;
};

// `issue` resolved on `on` (refused when it is resolved or waived); started (refused unless it
// is open). A `note` is kept in its notes with the day, as the commands' --note.
Expected<FactEdit> resolution_edit(std::string_view text, const Issue& issue, date::sys_days on,
                                   std::string_view note);
Expected<FactEdit> start_edit(std::string_view text, const Issue& issue, date::sys_days on,
                              std::string_view note);

// A new [[incident]] table at the end of the file.
struct NewIncident {
    date::sys_days date;
    Priority priority = Priority::high;
    std::string summary;
    std::string note;
    std::string ticket; // empty: none
    std::string id;     // empty: none
};
FactEdit incident_edit(std::string_view text, const NewIncident& incident);

} // namespace remedy
