#include "completion_script.h"

#include <fmt/format.h>
#include <vector>

namespace remedy {

namespace {

struct OptionWords {
    std::vector<std::string> names; // "-f", "--file"
    std::string short_name;         // "f" or empty
    std::string long_name;          // "file" or empty
    std::string description;
    std::string values; // the allowed words, space-separated; empty when free
    bool takes_value = false;
    bool is_plan = false;
    bool is_id = false;
};

OptionWords words_of(const OptionSpec& option) {
    OptionWords words;
    std::string_view rest = option.names;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const std::string_view name = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        words.names.emplace_back(name);
        if (name.starts_with("--"))
            words.long_name = name.substr(2);
        else if (name.starts_with('-'))
            words.short_name = name.substr(1);
    }
    words.description = option.help;
    if (option.completes == Completes::choices)
        for (const std::string& choice : option.choices)
            words.values += (words.values.empty() ? "" : " ") + choice;
    words.takes_value = option.kind != ValueKind::flag;
    words.is_plan = option.completes == Completes::plan_file;
    words.is_id = option.completes == Completes::issue_id;
    return words;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : std::string(separator)) + item;
    return out;
}

std::vector<const Command*> visible_commands(const std::vector<Command>& commands) {
    std::vector<const Command*> visible;
    for (const Command& command : commands)
        if (!command.hidden)
            visible.push_back(&command);
    return visible;
}

std::string bash_function(const std::vector<Command>& commands) {
    std::vector<std::string> names;
    std::string cases;
    for (const Command* command : visible_commands(commands)) {
        names.emplace_back(command->name);
        std::vector<std::string> flags{"--help"};
        std::string value_cases;
        std::string positional;
        for (const OptionSpec& option : command->options) {
            const OptionWords words = words_of(option);
            if (option.positional()) {
                if (words.is_id)
                    positional = "COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" __complete-ids "
                                 "${file:+-f \"$file\"} 2>/dev/null)\" -- \"$cur\"))";
                else if (!words.values.empty())
                    positional =
                        fmt::format("COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))", words.values);
                continue;
            }
            for (const std::string& name : words.names)
                flags.push_back(name);
            if (!words.takes_value)
                continue;
            std::string action = "return";
            if (words.is_plan)
                action = "COMPREPLY=($(compgen -d -- \"$cur\") $(compgen -f -X '!*.toml' -- "
                         "\"$cur\")); return";
            else if (!words.values.empty())
                action = fmt::format("COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")); return",
                                     words.values);
            value_cases += fmt::format("        {}) {};;\n", join(words.names, "|"), action);
        }
        cases += fmt::format("    {})\n        case \"$prev\" in\n{}        esac\n"
                             "        if [[ $cur == -* ]]; then\n"
                             "            COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))\n"
                             "        else\n            {}\n        fi;;\n",
                             command->name, value_cases, join(flags, " "),
                             positional.empty() ? ":" : positional);
    }
    return fmt::format(
        R"(_remedy() {{
    local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}
    local command="" file="" i word
    COMPREPLY=()
    # The first word that is not an option is the command; -f names the plan for the ids.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${{COMP_WORDS[i]}}
        if [[ $word == -f || $word == --file ]]; then
            file=${{COMP_WORDS[i+1]}}
            ((i++))
        elif [[ -z $command && $word != -* ]]; then
            command=$word
        fi
    done
    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "{} --help --version" -- "$cur"))
        return
    fi
    case "$command" in
{}    esac
}}
)",
        join(names, " "), cases);
}

std::string fish_quote(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

std::string fish_script(const std::vector<Command>& commands) {
    // The ids come from the plan that -f names on the line, as in bash, else the one found
    // from the working directory.
    std::string out = R"(# remedy completion for fish, generated by `remedy completion fish`.
complete -c remedy -f
function __remedy_ids
    set -l words (commandline -opc)
    set -l file
    for i in (seq 2 (math (count $words) - 1))
        if contains -- $words[$i] -f --file
            set file -f $words[(math $i + 1)]
        end
    end
    remedy __complete-ids $file 2>/dev/null
end
)";
    for (const Command* command : visible_commands(commands)) {
        const std::string_view name = command->name;
        out += fmt::format("complete -c remedy -n __fish_use_subcommand -a {} -d {}\n", name,
                           fish_quote(command->summary));
        const std::string when = fmt::format("-n '__fish_seen_subcommand_from {}'", name);
        for (const OptionSpec& option : command->options) {
            const OptionWords words = words_of(option);
            if (option.positional()) {
                if (words.is_id)
                    out += fmt::format("complete -c remedy {} -a '(__remedy_ids)'\n", when);
                else if (!words.values.empty())
                    out += fmt::format("complete -c remedy {} -a {}\n", when,
                                       fish_quote(words.values));
                continue;
            }
            std::string line = fmt::format("complete -c remedy {}", when);
            if (!words.short_name.empty())
                line += " -s " + words.short_name;
            if (!words.long_name.empty())
                line += " -l " + words.long_name;
            if (words.is_plan)
                line += " -r -F -a '(__fish_complete_suffix .toml)'";
            else if (!words.values.empty())
                line += " -x -a " + fish_quote(words.values);
            else if (words.takes_value)
                line += " -x";
            out += line + " -d " + fish_quote(words.description) + "\n";
        }
    }
    return out;
}

} // namespace

std::string completion_script(const std::vector<Command>& commands, Shell shell) {
    if (shell == Shell::fish)
        return fish_script(commands);
    const std::string function = bash_function(commands);
    if (shell == Shell::zsh)
        // zsh runs the bash function through its own bashcompinit layer: one definition.
        // compinit loads this file on the first Tab after `remedy`, from inside completion:
        // that Tab is answered too, not only the next ones.
        return "#compdef remedy\n# remedy completion for zsh, generated by `remedy completion "
               "zsh`.\nautoload -U +X bashcompinit && bashcompinit\n" +
               function +
               "complete -F _remedy remedy\n"
               "if (( ${+compstate} )); then\n"
               "    _bash_complete -F _remedy\n"
               "fi\n";
    return "# remedy completion for bash, generated by `remedy completion bash`.\n" + function +
           "complete -F _remedy remedy\n";
}

} // namespace remedy
