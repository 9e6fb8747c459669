#pragma once

#include "remedy/model/judgement.h"
#include "remedy/model/plan.h"
#include "remedy/model/ticket_import.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace remedy {

// `remedy import`: what each row of the export changed, with its consequence, and the count of
// every row. The command decides and records; this only words it. Every string that came from
// the export or the plan is escaped for the terminal here.

// What the recorded facts do, worded as the edit commands word a change (edit_consequences.h):
// for each fact, its issue's line ("NET-1 (critical): resolved 2 days late, owes ...") or, for an
// incident that is a strike, "strike 1 of 1" (else empty); and the plan's line ("on 2026-10-26:
// ...; verdict ..."). `after` is `before` with the facts recorded, the new incidents appended in
// the facts' order; `was` and `is` judge them on the import's day.
struct ImportConsequences {
    std::vector<std::string> facts;
    std::string plan;
};
ImportConsequences import_consequences(const Plan& before, const Judgement& was, const Plan& after,
                                       const Judgement& is, const std::vector<ImportedFact>& facts);

// One fact recorded from one row.
struct ImportedChange {
    std::uint32_t line = 0;  // the row's line in the export
    std::string ticket;      // as the export writes it
    std::string summary;     // what the edit says it did: "NET-1 (critical) resolved on ..."
    std::string consequence; // what it does to its issue or to the strikes; may be empty
};

// What happened to the plan file.
enum class ImportWrite { written, dry_run, nothing_to_write };

struct ImportReport {
    std::string export_file;
    std::string plan_file;
    std::vector<ImportedChange> changes;
    std::size_t unchanged = 0;
    std::size_t unmatched = 0;
    std::string plan_consequence; // "on 2026-10-20: ...; verdict ..."; empty without a change
    ImportWrite write = ImportWrite::written;
};

// Each change, its consequence under it, the plan's consequence, then the counts:
// "export.csv: 2 changed, 5 unchanged, 3 unmatched, 0 refused; remedy.toml written".
std::string render_import_text(const ImportReport& report);

// Why nothing is written: "export.csv: 2 rows refused (lines 5, 9); nothing is written (of 11
// rows: 3 to change, 2 unchanged, 4 unmatched)", at most ten lines named; for the error line,
// which finish() escapes.
std::string import_refusal_text(const std::string& export_file,
                                const std::vector<std::uint32_t>& refused_lines,
                                std::size_t changes, std::size_t unchanged, std::size_t unmatched);

} // namespace remedy
