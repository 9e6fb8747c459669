#include "remedy/render/import_report.h"

#include "remedy/model/wording.h"
#include "remedy/render/escape.h"

#include <fmt/format.h>

namespace remedy {

std::string render_import_text(const ImportReport& report) {
    const std::string export_file = terminal_text(report.export_file);
    const std::string plan_file = terminal_text(report.plan_file);
    std::string out;
    if (!report.changes.empty())
        out += fmt::format("{} → {}:\n", export_file, plan_file);
    for (const ImportedChange& change : report.changes) {
        out += fmt::format("  line {}, ticket {}: {}\n", change.line, terminal_text(change.ticket),
                           terminal_text(change.summary));
        if (!change.consequence.empty())
            out += fmt::format("    {}\n", terminal_text(change.consequence));
    }
    if (!report.plan_consequence.empty())
        out += fmt::format("  {}\n", terminal_text(report.plan_consequence));
    const char* outcome = "";
    switch (report.write) {
    case ImportWrite::written:
        outcome = "{} written";
        break;
    case ImportWrite::dry_run:
        outcome = "--dry-run: {} is not written";
        break;
    case ImportWrite::nothing_to_write:
        outcome = "{} is unchanged";
        break;
    }
    out += fmt::format(
        "{}: {} {}, {} unchanged, {} unmatched, 0 refused; {}\n", export_file,
        report.changes.size(), report.write == ImportWrite::dry_run ? "to change" : "changed",
        report.unchanged, report.unmatched, fmt::format(fmt::runtime(outcome), plan_file));
    return out;
}

std::string import_refusal_text(const std::string& export_file,
                                const std::vector<std::uint32_t>& refused_lines,
                                std::size_t changes, std::size_t unchanged, std::size_t unmatched) {
    constexpr std::size_t named = 10;
    std::string lines;
    for (std::size_t i = 0; i < refused_lines.size() && i < named; ++i)
        lines += fmt::format("{}{}", i ? ", " : "", refused_lines[i]);
    if (refused_lines.size() > named)
        lines += fmt::format(" and {} more", refused_lines.size() - named);
    const std::size_t rows = refused_lines.size() + changes + unchanged + unmatched;
    return fmt::format("{}: {} refused ({} {}); nothing is written (of {}: {} to change, {} "
                       "unchanged, {} unmatched)",
                       export_file, plural(static_cast<long long>(refused_lines.size()), "row"),
                       refused_lines.size() == 1 ? "line" : "lines", lines,
                       plural(static_cast<long long>(rows), "row"), changes, unchanged, unmatched);
}

} // namespace remedy
