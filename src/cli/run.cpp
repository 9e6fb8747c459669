#include "run.h"

#include "command_line.h"
#include "finish.h"
#include "plan_access.h"
#include "remedy/io/write_all.h"
#include "remedy/util/suggest.h"

#include <fmt/format.h>

namespace remedy {

namespace {

// CLI11 reports an unknown command as a missing one; name it, and suggest the nearest.
std::optional<CommandError> unknown_command(std::string_view word) {
    std::vector<std::string_view> names;
    for (const Command& command : command_table())
        if (!command.hidden)
            names.push_back(command.name);
    for (const Command& command : command_table())
        if (command.name == word)
            return std::nullopt;
    CommandError error(fmt::format("unknown command '{}'", word), ExitStatus::usage);
    if (const auto nearest = nearest_word(word, names))
        error.message += fmt::format("; did you mean '{}'?", *nearest);
    std::string list;
    for (std::string_view name : names)
        list += fmt::format("{}{}", list.empty() ? "" : ", ", name);
    error.hint = fmt::format("The commands are: {}.", list);
    return error;
}

// `-o` never replaces the plan the command reads: the output would take the plan's place.
std::optional<CommandError> output_over_plan(const Invocation& invocation,
                                             const std::string& output_file) {
    if (output_file.empty() || !invocation.args.declares("file"))
        return std::nullopt;
    const Expected<std::string, CommandError> plan = plan_path(invocation);
    if (!plan || !same_existing_file(*plan, output_file))
        return std::nullopt;
    return CommandError(fmt::format("-o {} is the plan this command reads ({}): the output would "
                                    "replace it; write it to another file",
                                    output_file, *plan),
                        ExitStatus::usage);
}

} // namespace

int run(int argc, char** argv) {
    if (argc > 1 && argv[1][0] != '-')
        if (std::optional<CommandError> error = unknown_command(argv[1]))
            return finish(Unexpected<CommandError>{std::move(*error)});
    CommandLine command_line;
    Expected<std::optional<CommandLine::Parsed>, CommandError> parsed =
        command_line.parse(argc, argv);
    if (!parsed)
        return finish(Unexpected<CommandError>{std::move(parsed.error())});
    if (!*parsed) // CLI11 answered --help or --version itself
        return 0;
    const CommandLine::Parsed& chosen = **parsed;
    const Environment env = Environment::read();
    const Invocation invocation{*chosen.command, chosen.args, env};
    const std::string output_file =
        chosen.args.declares("output") ? chosen.args.text("output") : std::string();
    if (std::optional<CommandError> error = output_over_plan(invocation, output_file))
        return finish(Unexpected<CommandError>{std::move(*error)});
    try {
        return finish(chosen.command->run(invocation), output_file);
    } catch (const std::exception& error) {
        // Never a crash: whatever escaped is reported, with the status of a plan problem.
        return finish(Unexpected<CommandError>{CommandError(error.what())});
    }
}

} // namespace remedy
