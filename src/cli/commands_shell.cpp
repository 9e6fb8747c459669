// completion, and the hidden command its scripts call to complete a plan's issue ids.

#include "command.h"
#include "common_options.h"
#include "completion_script.h"
#include "plan_access.h"

namespace remedy {

namespace {

Result completion(const Invocation& invocation) {
    return Outcome{completion_script(command_table(), invocation.args.choice("shell", shells)),
                   ExitStatus::ok,
                   {},
                   Channel::document};
}

// The issue ids of the plan a completion script is completing for (-f PLAN on the line being
// completed, else found the usual way). Silent and successful whatever goes wrong: a completion
// must never print an error into the user's command line.
Result complete_ids(const Invocation& invocation) {
    const Expected<LoadedPlan, CommandError> loaded = load_plan(invocation);
    if (!loaded)
        return Outcome{};
    std::string ids;
    for (const Issue& issue : loaded->plan.issues)
        ids += issue.id + '\n';
    return Outcome{std::move(ids), ExitStatus::ok, {}, Channel::document};
}

} // namespace

std::vector<Command> shell_commands() {
    return {
        {"completion",
         "Write the shell completion script for bash, zsh or fish",
         "source <(remedy completion bash)\n  remedy completion fish > "
         "~/.config/fish/completions/remedy.fish",
         {{.names = "shell",
           .help = "The shell to complete for",
           .type_name = "SHELL",
           .kind = ValueKind::choice,
           .choices = shells.words(),
           .need = OptionSpec::Need::required,
           .completes = Completes::choices}},
         completion},
        {"__complete-ids", "", "", {plan_option()}, complete_ids, true},
    };
}

} // namespace remedy
