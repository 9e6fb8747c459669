#include "run.h"

#include "commands.h"
#include "completion_script.h"
#include "edit_command.h"
#include "exit_status.h"
#include "remedy/dates.h"
#include "remedy/history/history_command.h"
#include "remedy/mail_address.h"
#include "remedy/plan_locator.h"
#include "remedy/plan_reader.h"
#include "remedy/today.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <random>
#include <unistd.h>

namespace remedy {

namespace {

std::optional<std::string> environment(const char* name) {
    const char* value = std::getenv(name);
    if (!value)
        return std::nullopt;
    return std::string(value);
}

// The options every reporting command takes, as typed.
struct Arguments {
    std::string file;
    std::string as_of;
    std::string format = "text";
    std::string color = "auto";
    std::string fail_on = "at-risk";
    std::string letter;
    std::vector<std::string> to;
    std::vector<std::string> cc;
    bool force = false;
    std::string output;
    std::string templates;
    std::string since;
    std::string shell;
    EditArguments edit;
};

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

// The moment a letter is dated, and what makes its Message-ID unique. With SOURCE_DATE_EPOCH
// (reproducible-builds.org) both derive from the epoch and the letter, so the same inputs give
// the same bytes; without it, from the clock and the system's random source.
bool stamp_letter(const std::string& identity, ReportRequest& request) {
    using namespace std::chrono;
    const auto epoch = environment("SOURCE_DATE_EPOCH");
    if (!epoch) {
        request.timestamp = floor<seconds>(system_clock::now());
        std::random_device random;
        request.uniqueness =
            (std::uint64_t{random()} << 32) ^ random() ^
            static_cast<std::uint64_t>(request.timestamp.time_since_epoch().count());
        return true;
    }
    std::int64_t seconds_since_epoch = 0;
    const auto [end, ec] =
        std::from_chars(epoch->data(), epoch->data() + epoch->size(), seconds_since_epoch);
    // Years 1970 to 9999: what RFC 5322 and RFC 5545 dates can show.
    if (ec != std::errc() || end != epoch->data() + epoch->size() || seconds_since_epoch < 0 ||
        seconds_since_epoch > 253402300799) {
        std::fprintf(stderr,
                     "remedy: error: SOURCE_DATE_EPOCH='%s' is not a number of seconds "
                     "since 1970\n",
                     epoch->c_str());
        return false;
    }
    request.timestamp = sys_seconds{seconds{seconds_since_epoch}};
    request.uniqueness = fnv1a(identity + '\n' + *epoch);
    return true;
}

std::optional<std::vector<MailAddress>> parse_addresses(const std::vector<std::string>& texts,
                                                        std::string_view option) {
    std::vector<MailAddress> mailboxes;
    for (const std::string& text : texts) {
        const Expected<MailAddress> mailbox = parse_mail_address(text);
        if (!mailbox) {
            std::fprintf(stderr, "remedy: error: %s: %s\n", std::string(option).c_str(),
                         mailbox.error().c_str());
            return std::nullopt;
        }
        mailboxes.push_back(*mailbox);
    }
    return mailboxes;
}

// --color auto colours a terminal, unless NO_COLOR is set to anything (no-color.org) or the
// terminal says it cannot; always and never are what the user asked for.
bool use_color(const std::string& choice) {
    if (choice == "always")
        return true;
    if (choice == "never")
        return false;
    const auto no_color = environment("NO_COLOR");
    const auto term = environment("TERM");
    return (!no_color || no_color->empty()) && term != "dumb" && isatty(STDOUT_FILENO);
}

bool write_all(std::FILE* stream, const std::string& text) {
    return std::fwrite(text.data(), 1, text.size(), stream) == text.size();
}

std::string error_summary(const std::string& file, const Diagnostics& diagnostics) {
    std::size_t errors = 0;
    for (const Diagnostic& d : diagnostics)
        errors += d.severity == Severity::error;
    const std::size_t warnings = diagnostics.size() - errors;
    std::string text = fmt::format("remedy: {} is not a valid plan ({} error{}", file, errors,
                                   errors == 1 ? "" : "s");
    if (warnings > 0)
        text += fmt::format(", {} warning{}", warnings, warnings == 1 ? "" : "s");
    return text + ")\n";
}

// Prints `out` (to `output_file` when named) and turns a failed write (a full disk, a closed
// pipe) into an error status rather than a silently truncated report.
int finish(const CommandOutput& out, const std::string& output_file = "") {
    if (!out.error.empty())
        write_all(stderr, out.error + "\n");
    if (out.text.empty())
        return out.exit_status;
    std::FILE* stream = output_file.empty() ? stdout : std::fopen(output_file.c_str(), "wb");
    const bool written = stream && write_all(stream, out.text) && std::fflush(stream) == 0;
    if (stream && stream != stdout && std::fclose(stream) != 0)
        return exit_plan;
    if (!written) {
        std::fprintf(stderr, "remedy: error: cannot write %s: %s\n",
                     output_file.empty() ? "the output" : output_file.c_str(),
                     std::strerror(errno));
        return exit_plan;
    }
    return out.exit_status;
}

// history judges every committed version of the plan, each on its own day.
int run_history(const std::string& file, const Arguments& args) {
    std::optional<date::sys_days> since;
    if (!args.since.empty()) {
        const Expected<date::sys_days> day = parse_iso_date(args.since);
        if (!day) {
            std::fprintf(stderr, "remedy: error: --since: %s\n", day.error().c_str());
            return exit_usage;
        }
        since = *day;
    }
    Style style;
    style.color = args.format == "text" && use_color(args.color);
    std::string out, err;
    const int status = run_history_command(file, since, args.format, out, err, style);
    return finish({std::move(out), status, std::move(err)});
}

int run_command(const Command& command, const Arguments& args) {
    std::optional<date::sys_days> as_of;
    if (!args.as_of.empty()) {
        const Expected<date::sys_days> day = parse_iso_date(args.as_of);
        if (!day) {
            std::fprintf(stderr, "remedy: error: --as-of: %s\n", day.error().c_str());
            return exit_usage;
        }
        as_of = *day;
    }
    ReportRequest request;
    request.format = args.format;
    request.fail_on = parse_fail_on(args.fail_on).value_or(FailOn::at_risk);
    request.style.color = request.format == "text" && use_color(args.color);
    request.letter = parse_letter_kind(args.letter).value_or(LetterKind::weekly);
    request.force = args.force;
    const auto to = parse_addresses(args.to, "--to");
    const auto cc = parse_addresses(args.cc, "--cc");
    if (!to || !cc)
        return exit_usage;
    request.to = *to;
    request.cc = *cc;

    if (command.options == CommandOptions::init)
        return run_init_command(args.edit, args.file.empty() ? "remedy.toml" : args.file);
    const Expected<std::string> file =
        locate_plan(args.file.empty() ? std::nullopt : std::optional(args.file),
                    environment("REMEDY_PLAN"), std::filesystem::current_path());
    if (!file) {
        std::fprintf(stderr, "remedy: error: %s\n", file.error().c_str());
        return exit_plan;
    }
    if (command.options == CommandOptions::history)
        return run_history(*file, args);
    if (command.options == CommandOptions::edit)
        return run_edit_command(std::string(command.name), args.edit, *file);
    const LoadResult loaded = load_plan_file(*file);
    print_diagnostics(loaded.diagnostics);
    if (!loaded.plan) {
        if (loaded.file_read)
            write_all(stderr, error_summary(*file, loaded.diagnostics));
        // check prints its report of the invalid plan too, so that CI can show the errors.
        if (command.options == CommandOptions::check && request.format != "text") {
            request.diagnostics = loaded.diagnostics;
            finish({render_check_report(*file, nullptr, nullptr, request)});
        }
        return exit_plan;
    }
    const Plan& plan = *loaded.plan;
    request.diagnostics = loaded.diagnostics;
    const date::sys_days day =
        as_of.value_or(day_in_zone(plan.client.timezone, std::chrono::system_clock::now()));
    const Judgement judgement = judge(plan, day);
    if (command.options == CommandOptions::email || command.options == CommandOptions::calendar) {
        // A template folder named in the plan is relative to the plan, as a person reads it.
        request.templates =
            !args.templates.empty() ? args.templates
            : plan.email.templates.empty()
                ? ""
                : (std::filesystem::path(*file).parent_path() / plan.email.templates).string();
        const std::string identity =
            fmt::format("{}\n{}\n{}\n{}\n{}", command.name, args.letter, format_iso_date(day),
                        plan.client.name, plan.provider.name);
        if (!stamp_letter(identity, request))
            return exit_usage;
    }
    return finish(command.report(plan, judgement, request), args.output);
}

// The edit distance between two short words, for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// CLI11 reports an unknown command as a missing one; name it, and suggest the nearest.
std::optional<std::string> unknown_command_message(std::string_view word) {
    std::string names;
    const Command* nearest = nullptr;
    std::size_t best = 3; // farther than two edits is no longer a typo
    for (const Command& command : commands()) {
        if (command.name == word)
            return std::nullopt;
        names += names.empty() ? "" : ", ";
        names += command.name;
        if (const std::size_t distance = edit_distance(word, command.name); distance < best) {
            best = distance;
            nearest = &command;
        }
    }
    std::string message = fmt::format("remedy: error: unknown command '{}'", word);
    if (nearest)
        message += fmt::format("; did you mean '{}'?", nearest->name);
    return message + fmt::format("\nThe commands are: {}.\n", names);
}

// The options of the commands that change the plan, each only where it means something.
void add_edit_options(CLI::App& sub, std::string_view name, EditArguments& edit) {
    if (name == "resolve" || name == "reopen" || name == "waive")
        sub.add_option("id", edit.id, "The issue's id")->required()->type_name("ID");
    if (name == "resolve" || name == "incident")
        sub.add_option("--on", edit.on, "The day (default: today in client.timezone)")
            ->type_name("YYYY-MM-DD");
    if (name == "waive" || name == "extend")
        sub.add_option("--reason", edit.reason, "Why")->required()->type_name("TEXT");
    if (name == "incident" || name == "add")
        sub.add_option("--priority", edit.priority, "low, medium, high or critical (or P4..P1)")
            ->required()
            ->type_name("PRIORITY");
    if (name == "incident")
        sub.add_option("--summary", edit.summary, "What happened")->required()->type_name("TEXT");
    if (name == "extend") {
        sub.add_option("--days", edit.days, "Days added to the time box (1..60)")
            ->required()
            ->type_name("N");
        sub.add_option("--agreed", edit.on, "The day it was agreed (default: today)")
            ->type_name("YYYY-MM-DD");
    }
    if (name == "init") {
        sub.add_option("--client", edit.client, "The client's name")->type_name("NAME");
        sub.add_option("--provider", edit.provider, "The provider's name")->type_name("NAME");
        sub.add_option("--start", edit.start, "The day the notice went out (default: today)")
            ->type_name("YYYY-MM-DD");
    }
    if (name == "add") {
        sub.add_option("--id", edit.id, "The new id (default: the next free one of the category)")
            ->type_name("ID");
        sub.add_option("--title", edit.title, "What is wrong")->required()->type_name("TEXT");
        sub.add_option("--due", edit.due, "The resolution date")
            ->required()
            ->type_name("YYYY-MM-DD");
        sub.add_option("--category", edit.category, "A free-text category")->type_name("TEXT");
        sub.add_option("--owner", edit.owner, "Who at the provider owns it")->type_name("TEXT");
    }
}

// The issue ids of the plan a completion script is completing for (-f PLAN on the line being
// completed, else found the usual way). Silent and successful whatever goes wrong: a completion
// must never print an error into the user's command line.
int print_issue_ids(int argc, char** argv) {
    std::optional<std::string> file;
    for (int i = 2; i + 1 < argc; ++i)
        if (std::string_view(argv[i]) == "-f" || std::string_view(argv[i]) == "--file")
            file = argv[i + 1];
    const Expected<std::string> found =
        locate_plan(file, environment("REMEDY_PLAN"), std::filesystem::current_path());
    if (!found)
        return exit_ok;
    const LoadResult loaded = load_plan_file(*found);
    if (!loaded.plan)
        return exit_ok;
    for (const Issue& issue : loaded.plan->issues)
        std::printf("%s\n", issue.id.c_str());
    return exit_ok;
}

} // namespace

int run(int argc, char** argv) {
    if (argc > 1 && std::string_view(argv[1]) == "__complete-ids")
        return print_issue_ids(argc, argv);
    if (argc > 1 && argv[1][0] != '-') {
        if (const auto message = unknown_command_message(argv[1])) {
            write_all(stderr, *message);
            return exit_usage;
        }
    }
    CLI::App app{"remedy keeps a managed-IT remediation plan honest: the 60-day time box, the "
                 "penalties to the cent, and the ultimatum verdict.",
                 "remedy"};
    app.set_version_flag("--version", fmt::format("remedy {}", REMEDY_VERSION));
    app.require_subcommand(1);
    app.failure_message([](const CLI::App*, const CLI::Error& error) {
        return fmt::format("remedy: error: {}\nRun 'remedy --help' for the commands, or "
                           "'remedy COMMAND --help' for their options.\n",
                           error.what());
    });
    app.footer("The plan is -f PLAN, else $REMEDY_PLAN, else remedy.toml in the working directory "
               "or above.\nExit status: 0 done, 1 check failed, 2 bad command line, 3 plan "
               "missing or invalid.");

    Arguments args;
    const Command* chosen = nullptr;
    for (const Command& command : commands()) {
        CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
        sub->footer(fmt::format("{}:\n  {}",
                                command.example.find('\n') != std::string_view::npos ? "Examples"
                                                                                     : "Example",
                                command.example));
        sub->callback([&chosen, &command] { chosen = &command; });
        if (command.options == CommandOptions::completion) {
            const std::vector<std::string> shells(std::begin(completion_shells),
                                                  std::end(completion_shells));
            sub->add_option("shell", args.shell, "The shell to complete for")
                ->required()
                ->check(CLI::IsMember(shells))
                ->type_name("SHELL");
            continue;
        }
        sub->add_option("-f,--file", args.file,
                        "The plan file (default: $REMEDY_PLAN, else "
                        "remedy.toml here or above)")
            ->type_name("PLAN");
        if (command.options == CommandOptions::edit || command.options == CommandOptions::init)
            add_edit_options(*sub, command.name, args.edit);
        else if (command.options == CommandOptions::history)
            sub->add_option("--since", args.since, "Only the commits on or after this day")
                ->type_name("YYYY-MM-DD");
        else
            sub->add_option("--as-of", args.as_of,
                            "Judge the plan on this day (default: today in client.timezone)")
                ->type_name("YYYY-MM-DD");
        if (!command.formats.empty()) {
            std::vector<std::string> formats(command.formats.begin(), command.formats.end());
            sub->add_option("--format", args.format, "Output format")
                ->check(CLI::IsMember(formats))
                ->type_name("FORMAT")
                ->capture_default_str();
            sub->add_option("--color", args.color, "Colour the text output (NO_COLOR is honoured)")
                ->check(CLI::IsMember({"auto", "always", "never"}))
                ->type_name("WHEN")
                ->capture_default_str();
        }
        if (command.options == CommandOptions::email) {
            sub->add_option("kind", args.letter, "The letter to write")
                ->required()
                ->check(CLI::IsMember({"notice", "weekly", "ultimatum", "termination"}))
                ->type_name("KIND");
            sub->add_option("--to", args.to,
                            "Send to these addresses instead of "
                            "provider.contact (repeatable)")
                ->type_name("ADDRESS");
            sub->add_option("--cc", args.cc,
                            "Copy these addresses instead of provider.cc "
                            "(repeatable)")
                ->type_name("ADDRESS");
            sub->add_flag("--force", args.force,
                          "Write the termination notice even when the verdict is not terminate");
            sub->add_option("--templates", args.templates,
                            "A folder of letter templates (KIND.txt) that replace the built-in "
                            "wording (default: email.templates in the plan)")
                ->type_name("DIR");
        }
        if (command.options == CommandOptions::email || command.options == CommandOptions::calendar)
            sub->add_option("-o,--output", args.output,
                            "Write to this file instead of standard "
                            "output")
                ->type_name("FILE");
        if (command.options == CommandOptions::check)
            sub->add_option("--fail-on", args.fail_on,
                            "Fail when the verdict is at or past this one")
                ->check(CLI::IsMember({"at-risk", "terminate", "never"}))
                ->type_name("VERDICT")
                ->capture_default_str();
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int status = app.exit(error);
        return status == 0 ? exit_ok : exit_usage;
    }
    if (chosen->options == CommandOptions::completion)
        return write_all(stdout, completion_script(app, args.shell)) && std::fflush(stdout) == 0
                   ? exit_ok
                   : exit_plan;
    try {
        return run_command(*chosen, args);
    } catch (const std::exception& error) {
        // Never a crash: whatever escaped is reported, with the status of a plan problem.
        std::fprintf(stderr, "remedy: error: %s\n", error.what());
        return exit_plan;
    }
}

} // namespace remedy
