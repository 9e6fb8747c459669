// portfolio: several plans judged together, one row a plan, the worst first; a consultant's
// Monday: why each plan is out, what changed in the week, and the week's letters.

#include "command.h"
#include "commands_letter.h"
#include "common_options.h"
#include "outbox.h"
#include "plan_search.h"
#include "remedy/model/out_of_contract.h"
#include "remedy/model/recent_changes.h"
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

// The verdicts --only keeps ("terminate,at-risk", repeatable), or none for every row.
Expected<std::vector<std::string>, CommandError> only_verdicts(const Invocation& invocation) {
    std::vector<std::string> kept;
    for (const std::string& given : invocation.args.texts("only"))
        for (std::size_t start = 0; start <= given.size();) {
            const std::size_t comma = std::min(given.find(',', start), given.size());
            const std::string word = given.substr(start, comma - start);
            if (!verdicts.parse(word) && word != "invalid")
                return usage_error(fmt::format("--only {}: '{}' is not a verdict; give "
                                               "terminate, at-risk, on-track, remediated or "
                                               "invalid, separated by commas",
                                               given, word));
            if (std::find(kept.begin(), kept.end(), word) == kept.end())
                kept.push_back(word);
            start = comma + 1;
        }
    return kept;
}

bool is_kept(const std::vector<std::string>& only, std::string_view verdict) {
    return only.empty() || std::find(only.begin(), only.end(), verdict) != only.end();
}

// The letter the week asks of every plan: --email KIND (and --month for a statement) into
// --outbox DIR; both or neither.
Expected<std::optional<LetterRequest>, CommandError> letter_request(const Invocation& invocation) {
    const Arguments& args = invocation.args;
    if (args.given("email") != args.given("outbox"))
        return usage_error("--email KIND and --outbox DIR go together: the kind of letter, and "
                           "the folder each plan's letter is written to");
    if (!args.given("email")) {
        if (args.given("month"))
            return usage_error("--month is the statement letter's: give --email statement");
        return std::optional<LetterRequest>();
    }
    const LetterKind kind = args.choice("email", letter_kinds);
    if (kind == LetterKind::statement && !args.given("month"))
        return usage_error("the statement letter needs --month YYYY-MM");
    if (kind != LetterKind::statement && args.given("month"))
        return usage_error(fmt::format("--month is not an option of the {} letter", name(kind)));
    return std::optional<LetterRequest>(LetterRequest{.kind = kind, .month = args.month("month")});
}

Result portfolio(const Invocation& invocation) {
    const Format format = invocation.args.choice("format", formats);
    TRY_ASSIGN(const std::vector<std::string> only, only_verdicts(invocation));
    TRY_ASSIGN(const std::optional<LetterRequest> letters, letter_request(invocation));
    // Of each plan only its row, its diagnostics and its letter are kept.
    struct Kept {
        PortfolioRow row;
        Diagnostics diagnostics;
        OutboxLetter letter;
    };
    const std::function<Kept(JudgedFile)> keep = [&](JudgedFile file) {
        Kept kept{.letter = {.plan_file = file.file}};
        if (!file.judged) {
            kept.row = PortfolioRow{.file = file.file, .error = first_error(file)};
            kept.letter.refused = "not a valid plan";
        } else {
            const Plan& plan = file.judged->plan();
            const Judgement& j = file.judged->judgement;
            kept.row = portfolio_row(file.file, plan, j, changes_in_week_before(plan, j),
                                     out_of_contract(plan, j), file.diagnostics);
            if (letters && is_kept(only, name(j.verdict))) {
                Expected<PlanLetter, CommandError> letter =
                    compose_plan_letter(invocation.env, *letters, *file.judged);
                if (letter)
                    kept.letter.message = std::move(letter->message);
                else
                    kept.letter.refused = letter.error().message;
            }
        }
        kept.diagnostics = std::move(file.diagnostics);
        return kept;
    };
    TRY_ASSIGN(FoundPlans<Kept> found,
               judge_found<Kept>(invocation, invocation.args.texts("path"), keep));

    Outcome outcome;
    outcome.channel = channel_of(format);
    outcome.diagnostics = std::move(found.unsearched);
    std::vector<PortfolioRow> rows;
    for (Kept& kept : found.kept) {
        outcome.diagnostics.insert(outcome.diagnostics.end(), kept.diagnostics.begin(),
                                   kept.diagnostics.end());
        // Every row is printed; the status then says that a plan is unreadable or invalid,
        // also when --only leaves its row out (its errors are on standard error).
        if (!kept.row.valid())
            outcome.status = ExitStatus::refused;
        if (is_kept(only, kept.row.valid() ? name(kept.row.verdict) : "invalid"))
            rows.push_back(std::move(kept.row));
    }
    const PortfolioScope scope{invocation.args.day("as-of"), found.files.size(), only};
    switch (format) {
    case Format::json:
        outcome.text = render_portfolio_json(rows, scope);
        break;
    case Format::csv:
        outcome.text = render_portfolio_csv(rows);
        break;
    default:
        outcome.text = render_portfolio_text(
            rows, scope,
            Style{use_color(invocation.args.choice("color", color_whens), invocation.env)});
    }
    TRY_ASSIGN(outcome.text, with_byte_order_mark(invocation, format, std::move(outcome.text)));
    if (!letters)
        return outcome;
    // The letters of the rows kept, in the rows' order.
    std::vector<OutboxLetter> outbox;
    for (std::size_t i : portfolio_order(rows))
        for (Kept& kept : found.kept)
            if (kept.letter.plan_file == rows[i].file)
                outbox.push_back(std::move(kept.letter));
    if (!write_outbox(invocation.args.text("outbox"), name(letters->kind), outbox, outcome.notes))
        outcome.status = ExitStatus::refused;
    return outcome;
}

} // namespace

std::vector<Command> portfolio_commands() {
    return {
        {"portfolio",
         "Several plans judged together: one row a plan, the worst first, totals per currency; "
         "why a plan is out, what changed in the week, the week's letters",
         "remedy portfolio\n  remedy portfolio clients/ --as-of 2026-11-02\n  remedy portfolio "
         "clients/ --only terminate,at-risk\n  remedy portfolio clients/ --email weekly --outbox "
         "outbox/\n  remedy portfolio a/remedy.toml b/remedy.toml --format csv --bom > "
         "portfolio.csv",
         {{.names = "path",
           .help = "A plan file, or a folder searched (recursively, .git skipped) for files "
                   "named remedy.toml; several may be given, and a plan named twice is one row "
                   "(default: the working directory)",
           .type_name = "PATH",
           .kind = ValueKind::texts,
           .completes = Completes::plan_file},
          as_of_option(),
          format_option({Format::text, Format::json, Format::csv}),
          color_option(),
          {.names = "--only",
           .help = "Keep the rows of these verdicts (terminate, at-risk, on-track, remediated, "
                   "invalid; separated by commas); the totals are those of the rows kept",
           .type_name = "VERDICT,...",
           .kind = ValueKind::texts},
          {.names = "--email",
           .help = "Write each plan's letter of this kind into --outbox (a refusal is listed, "
                   "not fatal)",
           .type_name = "KIND",
           .kind = ValueKind::choice,
           .choices = letter_kinds.words(),
           .completes = Completes::choices},
          {.names = "--outbox",
           .help = "The folder of --email's letters, one .eml a plan named after its path "
                   "(clients/acme/remedy.toml: clients-acme.eml)",
           .type_name = "DIR"},
          {.names = "--month",
           .help = "--email statement: the month whose charges and credit the letters state",
           .type_name = "YYYY-MM",
           .kind = ValueKind::month},
          bom_option()},
         portfolio},
    };
}

} // namespace remedy
