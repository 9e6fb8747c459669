#include "remedy/render/import_report.h"

#include "remedy/model/wording.h"
#include "remedy/render/edit_consequences.h"
#include "remedy/render/escape.h"

#include <fmt/format.h>
#include <unordered_map>

namespace remedy {

ImportConsequences import_consequences(const Plan& before, const Judgement& was, const Plan& after,
                                       const Judgement& is,
                                       const std::vector<ImportedFact>& facts) {
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

std::string render_import_text(const ImportReport& report) {
    // Each line is escaped whole: a value inside it is shown as it is within a line (its "::"
    // kept, since no runner reads a command there), and no value can start a line of its own.
    std::string out;
    const auto line = [&out](const std::string& text) {
        out += terminal_text(text) + '\n';
    };
    if (!report.changes.empty())
        line(fmt::format("{} → {}:", report.export_file, report.plan_file));
    for (const ImportedChange& change : report.changes) {
        line(fmt::format("  line {}, ticket {}: {}", change.line, change.ticket, change.summary));
        if (!change.consequence.empty())
            line("    " + change.consequence);
    }
    if (!report.plan_consequence.empty())
        line("  " + report.plan_consequence);
    std::string outcome;
    switch (report.write) {
    case ImportWrite::written:
        outcome = report.plan_file + " written";
        break;
    case ImportWrite::dry_run:
        outcome = "--dry-run: " + report.plan_file + " is not written";
        break;
    case ImportWrite::nothing_to_write:
        outcome = report.plan_file + " is unchanged";
        break;
    }
    line(fmt::format("{}: {} {}, {} unchanged, {} unmatched, 0 refused; {}", report.export_file,
                     report.changes.size(),
                     report.write == ImportWrite::dry_run ? "to change" : "changed",
                     report.unchanged, report.unmatched, outcome));
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
