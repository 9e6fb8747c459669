#pragma once

#include "remedy/model/plan.h"
#include "remedy/util/expected.h"

#include <cstdint>
#include <date/date.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// `remedy import`: what the provider's ticket export says that the plan does not record yet,
// decided row by row against the plan's `[import]` mapping. Pure: the export comes as a table
// (io/csv_reader.h reads the file), and the edit layer records the facts decided here.

// The export as a table: its header, and each row with the line of the file where it begins (a
// quoted cell may span lines).
struct ExportRow {
    std::uint32_t line = 0;
    std::vector<std::string> cells; // at most as many as the header's; the rest are empty
};
struct ExportTable {
    std::vector<std::string> header;
    std::uint32_t header_line = 1;
    std::vector<ExportRow> rows;
};

// How the import compares a ticket number, a word of the export or a column's name: without
// the blanks around it, in any (ASCII) case. Also what makes two issues' tickets the same.
std::string import_key(std::string_view text);

// One fact a row records, through the edit of its command: `start`, `resolve --on`, or
// `incident` (with its ticket).
struct ImportedFact {
    enum class Kind { start, resolution, incident };
    Kind kind = Kind::start;
    std::uint32_t line = 0;             // the row's
    std::string ticket;                 // as the export writes it, without blanks around it
    std::size_t issue = 0;              // start, resolution: the index into plan.issues
    date::sys_days day;                 // resolution: the day resolved; incident: its date
    Priority priority = Priority::high; // incident
    std::string summary;                // incident: one line
};

// A row that cannot be imported, and why: it is unreadable, or it contradicts the plan.
struct RowError {
    std::uint32_t line = 0;
    std::string message;
};

struct ImportOptions {
    date::sys_days today; // the edit's today (--as-of): no fact is dated after it
    // --incidents: the lowest priority of an unmatched row that becomes an incident.
    std::optional<Priority> incidents;
    // The longest one-line string a plan holds (io's limits::max_line_chars): a longer summary
    // or ticket cannot become an incident.
    std::size_t max_line_chars = 4'096;
};

// Every row of the export is exactly one of: a fact to record, unchanged (the plan already
// records what it says, or it is an incident's), unmatched (no issue has its ticket), or
// refused (an error).
struct ImportDecisions {
    std::vector<ImportedFact> facts; // in the export's order
    std::size_t unchanged = 0;
    std::size_t unmatched = 0;
    std::vector<RowError> refused; // in the export's order
};

// What each row of `table` records in `plan`, on options.today. A row matching an issue's
// ticket records a start (the export's status means in_progress and the issue is open) or a
// resolution on the day of its `resolved` column (the issue is neither resolved nor waived);
// one that says what the plan says is unchanged, one that contradicts it (another resolution
// day, open or in progress again after a resolution) is refused. A row matching an incident's
// ticket changes nothing. Under `incidents`, an unmatched row of at least that priority created
// within the time box on options.today becomes an incident. A word the mapping does not know,
// a date that cannot be read, a fact dated after today: an error only on a row that needs it.
// The error, with no row decided: the plan cannot import (no `[import] ticket`; --incidents
// without the columns an incident needs).
Expected<ImportDecisions> decide_import(const Plan& plan, const ExportTable& table,
                                        const ImportOptions& options);

} // namespace remedy
