// email and calendar: what goes to the provider, dated and made unique by the environment.

#include "commands_letter.h"

#include "command.h"
#include "common_options.h"
#include "plan_access.h"
#include "remedy/io/file_beside.h"
#include "remedy/io/text_file.h"
#include "remedy/io/today.h"
#include "remedy/model/dates.h"
#include "remedy/model/letter_facts.h"
#include "remedy/render/calendar_ics.h"
#include "remedy/render/email_message.h"
#include "remedy/render/letter_fields.h"

#include <filesystem>
#include <fmt/format.h>

namespace remedy {

namespace {

Expected<std::vector<MailAddress>, CommandError> addresses(const Invocation& invocation,
                                                           std::string_view key) {
    std::vector<MailAddress> mailboxes;
    for (const std::string& text : invocation.args.texts(key)) {
        const Expected<MailAddress> mailbox = parse_mail_address(text);
        if (!mailbox)
            return usage_error(fmt::format("--{}: {}", key, mailbox.error()));
        mailboxes.push_back(*mailbox);
    }
    return mailboxes;
}

// The stamp of what `command` writes for this plan on its day.
Expected<Stamp, CommandError> stamp_of(const Environment& env, std::string_view command,
                                       std::string_view kind, const JudgedPlan& judged) {
    const std::string identity =
        fmt::format("{}\n{}\n{}\n{}\n{}", command, kind, format_iso_date(judged.judgement.as_of),
                    judged.plan().client.name, judged.plan().provider.name);
    Expected<Stamp> stamp = stamp_output(env, identity);
    if (!stamp)
        return usage_error(stamp.error());
    return *stamp;
}

// The wording of `kind`: KIND.txt in --templates, else in the plan's email.templates (relative
// to the plan's folder, as a person reads it), else the built-in one.
Expected<LetterTemplate, CommandError> wording(const std::optional<std::string>& templates,
                                               LetterKind kind, const JudgedPlan& judged) {
    namespace fs = std::filesystem;
    const std::string& in_plan = judged.plan().email.templates;
    const std::string file_name = fmt::format("{}.txt", name(kind));
    fs::path file;
    if (templates) {
        file = fs::path(*templates) / file_name; // any folder: the user's own choice
    } else if (!in_plan.empty()) {
        // The plan's: inside its folder, the template file and every link on its way.
        const Expected<std::string> beside =
            path_beside_plan(judged.loaded.file, (fs::path(in_plan) / file_name).string());
        if (!beside)
            return refusal(fmt::format("{}: email.templates '{}': {} must be inside the plan's "
                                       "folder: {}",
                                       judged.loaded.file, in_plan, file_name, beside.error()));
        file = *beside;
    } else {
        return built_in_template(kind);
    }
    std::error_code ec;
    if (!fs::exists(file, ec))
        return built_in_template(kind);
    const Expected<std::string> text = read_text_file(file.string());
    if (!text)
        return refusal(
            fmt::format("{}: cannot read the template: {}", file.string(), text.error()));
    Expected<LetterTemplate> parsed = parse_letter_template(*text, file.string());
    if (!parsed)
        return refusal(parsed.error());
    return *parsed;
}

// The options of one kind of letter that another kind does not take: a mistake worth saying,
// not ignoring (a --reason on a weekly letter would be a ground that no letter states).
std::optional<CommandError> misfit_option(const Invocation& invocation, LetterKind kind) {
    const struct {
        std::string_view option;
        std::vector<LetterKind> kinds;
    } owned[] = {
        {"reason", {LetterKind::termination}},
        {"effective", {LetterKind::termination}},
        {"since", {LetterKind::changes}},
        {"month", {LetterKind::statement}},
        {"force", {LetterKind::termination, LetterKind::statement}},
    };
    for (const auto& [option, kinds] : owned)
        if (invocation.args.given(option) &&
            std::find(kinds.begin(), kinds.end(), kind) == kinds.end())
            return usage_error(
                       fmt::format("--{} is not an option of the {} letter", option, name(kind)))
                .error;
    if (kind == LetterKind::statement && !invocation.args.given("month"))
        return usage_error("the statement letter needs --month YYYY-MM").error;
    return std::nullopt;
}

} // namespace

Expected<PlanLetter, CommandError> compose_plan_letter(const Environment& env,
                                                       const LetterRequest& request,
                                                       const JudgedPlan& judged) {
    const Plan& plan = judged.plan();
    const Judgement& j = judged.judgement;
    const LetterKind kind = request.kind;
    TRY_ASSIGN(const LetterTemplate letter, wording(request.templates, kind, judged));
    TRY_ASSIGN(const Stamp stamp, stamp_of(env, "email", name(kind), judged));

    std::optional<date::sys_days> since;
    if (kind == LetterKind::changes)
        since = request.since.value_or(j.as_of - look_back_days);
    LetterFacts facts = gather_letter_facts(plan, j, since, request.month);
    facts.forced =
        kind == LetterKind::termination && request.forced && j.verdict != Verdict::terminate;
    facts.reason = request.reason;
    facts.effective = request.effective;
    facts.month_forced = kind == LetterKind::statement && request.forced;
    if (std::optional<LetterRefusal> refused = letter_refusal(kind, plan, j, facts)) {
        std::string why = std::move(refused->why);
        if (refused->forcible)
            why += request.force_offered
                       ? (kind == LetterKind::termination
                              ? " (give --force with --reason to write it anyway)"
                              : " (or give --force)")
                       : fmt::format(" (`remedy email {} --force{}` writes it anyway)", name(kind),
                                     kind == LetterKind::termination ? " --reason TEXT" : "");
        return refusal(why, judged.loaded.diagnostics);
    }

    MessageOptions options;
    options.kind = kind;
    options.to = request.to;
    options.cc = request.cc;
    options.wording = letter;
    options.date = stamp.at;
    options.utc_offset = utc_offset(plan.client.timezone, stamp.at);
    options.uniqueness = stamp.uniqueness;
    Expected<std::string> message = compose_message(plan, j, facts, options);
    if (!message)
        return refusal(message.error(), judged.loaded.diagnostics);
    PlanLetter composed{std::move(*message), {}};
    // Said where the person who forced it reads, never in the letter: the letter's ground is
    // the reason given.
    if (facts.forced)
        composed.notes.push_back(fmt::format(
            "the verdict on {} is {}, not terminate: the letter's only ground is the --reason "
            "given, and it does not claim that the remediation plan entitles the termination",
            format_iso_date(j.as_of), name(j.verdict)));
    return composed;
}

namespace {

Result email(const Invocation& invocation) {
    const Arguments& args = invocation.args;
    const LetterKind kind = args.choice("kind", letter_kinds);
    if (std::optional<CommandError> misfit = misfit_option(invocation, kind))
        return Unexpected<CommandError>{std::move(*misfit)};
    LetterRequest request{.kind = kind,
                          .forced = args.flag("force"),
                          .reason = args.text("reason"),
                          .effective = args.day("effective"),
                          .since = args.day("since"),
                          .month = args.month("month"),
                          .force_offered = true};
    TRY_ASSIGN(request.to, addresses(invocation, "to"));
    TRY_ASSIGN(request.cc, addresses(invocation, "cc"));
    if (args.given("templates"))
        request.templates = args.text("templates");
    TRY_ASSIGN(const JudgedPlan judged, judge_plan(invocation));
    TRY_ASSIGN(PlanLetter letter, compose_plan_letter(invocation.env, request, judged));
    Outcome outcome{std::move(letter.message), ExitStatus::ok, judged.loaded.diagnostics,
                    Channel::document};
    outcome.notes = std::move(letter.notes);
    return outcome;
}

Result calendar(const Invocation& invocation) {
    TRY_ASSIGN(const JudgedPlan judged, judge_plan(invocation));
    TRY_ASSIGN(const Stamp stamp, stamp_of(invocation.env, invocation.command.name, "", judged));
    return Outcome{render_calendar(judged.plan(), judged.judgement, stamp.at), ExitStatus::ok,
                   judged.loaded.diagnostics, Channel::document};
}

} // namespace

std::vector<Command> letter_commands() {
    return {
        {"email",
         "Write a letter to the provider as an RFC 5322 message: notice, weekly, changes, "
         "ultimatum, statement, termination or closing",
         "remedy email weekly | sendmail -t\n  remedy email notice -o notice.eml",
         {{.names = "kind",
           .help = "The letter to write",
           .type_name = "KIND",
           .kind = ValueKind::choice,
           .choices = letter_kinds.words(),
           .need = OptionSpec::Need::required,
           .completes = Completes::choices},
          plan_option(),
          as_of_option(),
          {.names = "--to",
           .help = "Send to these addresses instead of provider.contact (repeatable)",
           .type_name = "ADDRESS",
           .kind = ValueKind::texts},
          {.names = "--cc",
           .help = "Copy these addresses instead of provider.cc (repeatable)",
           .type_name = "ADDRESS",
           .kind = ValueKind::texts},
          {.names = "--force",
           .help = "termination: write it although the verdict is not terminate (needs "
                   "--reason); statement: for a month that has not ended or owes nothing",
           .kind = ValueKind::flag},
          {.names = "--reason",
           .help = "termination --force: the ground the letter gives",
           .type_name = "TEXT"},
          {.names = "--effective",
           .help = "termination: the day it takes effect (default: the --as-of day)",
           .type_name = "YYYY-MM-DD",
           .kind = ValueKind::day},
          {.names = "--since",
           .help = "changes: record what took effect after this day (default: 7 days before "
                   "--as-of)",
           .type_name = "YYYY-MM-DD",
           .kind = ValueKind::day},
          {.names = "--month",
           .help = "statement: the month whose charges and credit the letter states",
           .type_name = "YYYY-MM",
           .kind = ValueKind::month},
          {.names = "--templates",
           .help = "A folder of letter templates (KIND.txt) that replace the built-in wording "
                   "(default: email.templates in the plan)",
           .type_name = "DIR"},
          output_option()},
         email},
        {"calendar",
         "Write the due dates and the deadline as an iCalendar file (.ics)",
         "remedy calendar -o deadlines.ics",
         {plan_option(), as_of_option(), output_option()},
         calendar},
    };
}

} // namespace remedy
