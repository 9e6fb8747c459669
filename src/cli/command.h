#pragma once

#include "environment.h"
#include "remedy/model/diagnostic.h"
#include "remedy/util/enum_names.h"
#include "remedy/util/expected.h"

#include <date/date.h>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// The exit statuses, for every command: 0 done; 1 `check` only, the verdict is at or past
// --fail-on; 2 the command line is wrong; 3 the plan is missing, unreadable or invalid, the
// output cannot be written, or the command refuses (with the reason).
enum class ExitStatus { ok = 0, check_failed = 1, usage = 2, refused = 3 };

// What an option's value is; the command line checks it before any command runs, so a handler
// only ever sees valid values.
enum class ValueKind {
    flag,   // present or not
    text,   // any text
    texts,  // repeatable text
    day,    // YYYY-MM-DD
    month,  // YYYY-MM
    number, // a whole number
    choice, // one of `choices`
};

// What a shell can offer for an option's value.
enum class Completes { nothing, plan_file, issue_id, choices };

// One option or positional argument of a command.
struct OptionSpec {
    // CLI11's form: "-f,--file", "--as-of", or a positional's name ("id").
    std::string_view names;
    std::string_view help;
    std::string_view type_name; // "PLAN", "YYYY-MM-DD"; empty for a flag
    ValueKind kind = ValueKind::text;
    // For ValueKind::choice, from the enum's own table (the command line checks them); for a
    // text option, what a shell offers (the handler checks it).
    std::vector<std::string> choices;
    enum class Need { optional, required } need = Need::optional;
    std::string_view default_value; // shown in the help, and the value when absent
    Completes completes = Completes::nothing;
    // For an option that takes one value, what to say when it is given more than once, after
    // "--file was given 2 times" (e.g. which command takes several).
    std::string_view when_repeated;

    // The key a handler reads the value by: "file" for "-f,--file", "id" for "id".
    std::string key() const;
    bool positional() const { return !names.starts_with('-'); }
};

// The values of one command line, already checked against their OptionSpecs. A handler reads
// them by key; asking for a key its command does not declare is a bug (std::logic_error).
class Arguments {
public:
    // Whether the command declares the option `key` at all.
    bool declares(std::string_view key) const { return values.count(key) > 0; }
    bool given(std::string_view key) const;
    std::string text(std::string_view key) const; // the default, or "", when not given
    std::vector<std::string> texts(std::string_view key) const;
    std::optional<date::sys_days> day(std::string_view key) const;
    std::optional<date::year_month> month(std::string_view key) const;
    std::optional<long long> number(std::string_view key) const;
    bool flag(std::string_view key) const;
    // The enum value of a choice option, given or default.
    template <class Enum, std::size_t N>
    Enum choice(std::string_view key, const EnumNames<Enum, N>& names) const {
        return *names.parse(text(key));
    }

    // Filled by the command line.
    struct Value {
        const OptionSpec* spec = nullptr;
        bool given = false;
        std::vector<std::string> words;
        std::optional<date::sys_days> day;
        std::optional<date::year_month> month;
        std::optional<long long> number;
    };
    std::map<std::string, Value, std::less<>> values;

private:
    const Value& value(std::string_view key) const;
};

// Why a command ended without doing its work, and the status it ends with. The one place that
// prints it (finish.cpp) writes "remedy: error: MESSAGE", or for an invalid plan its
// diagnostics and "remedy: FILE is not a valid plan (N errors)".
struct CommandError {
    CommandError(std::string message_, ExitStatus status_ = ExitStatus::refused)
        : message(std::move(message_)), status(status_) {}

    std::string message;
    ExitStatus status = ExitStatus::refused;
    Diagnostics diagnostics;  // printed first, one a line
    std::string invalid_plan; // the plan's file when the error is that it is invalid
    std::string text;         // standard output still written (check's report of it, for CI)
    std::string hint;         // a line after the error: where to look next
};

// A usage error: exit 2.
inline Unexpected<CommandError> usage_error(std::string message) {
    return {CommandError(std::move(message), ExitStatus::usage)};
}
// A refusal: exit 3.
inline Unexpected<CommandError> refusal(std::string message) {
    return {CommandError(std::move(message), ExitStatus::refused)};
}

// The same for a plan that was read: its warnings are shown with the refusal.
inline Unexpected<CommandError> refusal(std::string message, Diagnostics diagnostics) {
    CommandError error(std::move(message), ExitStatus::refused);
    error.diagnostics = std::move(diagnostics);
    return {std::move(error)};
}

// What a command's output is, for the one escaping that finish() applies: text for a person
// (a terminal, a log) is passed through terminal_lines, so that no plan text reaches a terminal
// or a CI runner as anything but text; a document in a format of its own (JSON, XML, a letter,
// a calendar, workflow commands) was escaped string by string by its renderer.
enum class Channel { terminal, document };

// What a command produced: its text for standard output (or -o FILE), the diagnostics to show
// on standard error, and its status (0, or 1 for a failed check).
struct Outcome {
    std::string text;
    ExitStatus status = ExitStatus::ok;
    Diagnostics diagnostics;
    Channel channel = Channel::terminal;
    // What the person running the command must know and the output must not say: each goes to
    // standard error as "remedy: note: ...".
    std::vector<std::string> notes;
};

using Result = Expected<Outcome, CommandError>;

struct Command;

// Everything a handler is given: its command, the checked arguments and the world.
struct Invocation {
    const Command& command;
    const Arguments& args;
    const Environment& env;
};

// One subcommand: the table that the parser, the help, the shell completion, the manual's
// consistency test and dispatch all read.
struct Command {
    std::string_view name;
    std::string_view summary;
    std::string_view example;
    std::vector<OptionSpec> options; // in the order the help lists them
    Result (*run)(const Invocation& invocation);
    bool hidden = false; // for the completion scripts' own use: not in the help
};

// The whole table, in the order the help lists the commands.
const std::vector<Command>& command_table();

// The table's parts, each in the file of its commands.
std::vector<Command> report_commands();
std::vector<Command> portfolio_commands();
std::vector<Command> letter_commands();
std::vector<Command> board_commands();
std::vector<Command> history_commands();
std::vector<Command> edit_commands();
std::vector<Command> fact_commands();
std::vector<Command> import_commands();
std::vector<Command> shell_commands();

} // namespace remedy
