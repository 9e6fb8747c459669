// portfolio: several plans judged together, one row a plan, the worst first.

#include "command.h"
#include "common_options.h"
#include "plan_search.h"
#include "remedy/render/portfolio_report.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

// The first error of a plan that could not be judged, with its place: what its row shows.
std::string first_error(const JudgedFile& file) {
    for (const Diagnostic& d : file.diagnostics)
        if (d.severity == Severity::error)
            return to_string(d);
    return fmt::format("{}: error: not a valid plan", file.file);
}

Result portfolio(const Invocation& invocation) {
    const Format format = invocation.args.choice("format", formats);
    struct Kept {
        PortfolioRow row; // of each plan only its row and its diagnostics are kept
        Diagnostics diagnostics;
    };
    TRY_ASSIGN(FoundPlans<Kept> found,
               judge_found<Kept>(invocation, invocation.args.texts("path"), [](JudgedFile file) {
                   return Kept{file.judged
                                   ? portfolio_row(std::move(file.file), file.judged->plan(),
                                                   file.judged->judgement)
                                   : PortfolioRow{.file = file.file, .error = first_error(file)},
                               std::move(file.diagnostics)};
               }));
    const std::vector<std::string>& files = found.files;
    std::vector<PortfolioRow> rows(files.size());
    std::vector<Diagnostics> diagnostics(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        rows[i] = std::move(found.kept[i].row);
        diagnostics[i] = std::move(found.kept[i].diagnostics);
    }
    Diagnostics unsearched = std::move(found.unsearched);

    Outcome outcome;
    outcome.channel = channel_of(format);
    outcome.diagnostics = std::move(unsearched);
    for (std::size_t i = 0; i < files.size(); ++i) {
        outcome.diagnostics.insert(outcome.diagnostics.end(), diagnostics[i].begin(),
                                   diagnostics[i].end());
        // Every row is printed; the status then says that a plan is unreadable or invalid.
        if (!rows[i].valid())
            outcome.status = ExitStatus::refused;
    }
    const std::optional<date::sys_days> as_of = invocation.args.day("as-of");
    switch (format) {
    case Format::json:
        outcome.text = render_portfolio_json(rows, as_of);
        break;
    case Format::csv:
        outcome.text = render_portfolio_csv(rows);
        break;
    default:
        outcome.text = render_portfolio_text(
            rows, as_of,
            Style{use_color(invocation.args.choice("color", color_whens), invocation.env)});
    }
    return outcome;
}

} // namespace

std::vector<Command> portfolio_commands() {
    return {
        {"portfolio",
         "Several plans judged together: one row a plan, the worst first, totals per currency",
         "remedy portfolio\n  remedy portfolio clients/ --as-of 2026-11-02\n  remedy portfolio "
         "a/remedy.toml b/remedy.toml --format csv > portfolio.csv",
         {{.names = "path",
           .help = "A plan file, or a folder searched (recursively, .git skipped) for files "
                   "named remedy.toml; several may be given (default: the working directory)",
           .type_name = "PATH",
           .kind = ValueKind::texts,
           .completes = Completes::plan_file},
          as_of_option(),
          format_option({Format::text, Format::json, Format::csv}),
          color_option()},
         portfolio},
    };
}

} // namespace remedy
