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
    std::string values; // the IsMember set, space-separated; empty when free
    bool takes_value = false;
    bool is_plan = false;
    bool is_id = false;
};

// CLI11 shows an IsMember set in the type name, "FORMAT:{text,json}": the same words the parser
// accepts, so the script offers exactly those.
std::string member_values(const CLI::Option& option) {
    const std::string type = option.get_type_name();
    const auto open = type.find('{');
    const auto close = type.find('}', open);
    if (open == std::string::npos || close == std::string::npos)
        return {};
    std::string words = type.substr(open + 1, close - open - 1);
    for (char& c : words)
        if (c == ',')
            c = ' ';
    return words;
}

OptionWords words_of(const CLI::Option& option) {
    OptionWords words;
    for (const std::string& s : option.get_snames()) {
        words.names.push_back("-" + s);
        words.short_name = s;
    }
    for (const std::string& l : option.get_lnames()) {
        words.names.push_back("--" + l);
        words.long_name = l;
    }
    words.description = option.get_description();
    words.values = member_values(option);
    words.takes_value = option.get_type_size_max() > 0;
    words.is_plan = words.long_name == "file";
    words.is_id = option.get_positional() && option.get_type_name().rfind("ID", 0) == 0;
    return words;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : std::string(separator)) + item;
    return out;
}

std::vector<const CLI::App*> visible_commands(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App* sub) { return !sub->get_group().empty(); });
}

std::string bash_function(const CLI::App& app) {
    std::vector<std::string> names;
    std::string cases;
    for (const CLI::App* sub : visible_commands(app)) {
        names.push_back(sub->get_name());
        std::vector<std::string> flags{"--help"};
        std::string value_cases;
        std::string positional;
        for (const CLI::Option* option : sub->get_options()) {
            const OptionWords words = words_of(*option);
            if (option->get_positional()) {
                if (words.is_id)
                    positional = "COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" __complete-ids "
                                 "${file:+-f \"$file\"} 2>/dev/null)\" -- \"$cur\"))";
                else if (!words.values.empty())
                    positional =
                        fmt::format("COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))", words.values);
                continue;
            }
            if (words.long_name == "help")
                continue;
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
                             sub->get_name(), value_cases, join(flags, " "),
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

std::string fish_script(const CLI::App& app) {
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
    for (const CLI::App* sub : visible_commands(app)) {
        const std::string name = sub->get_name();
        out += fmt::format("complete -c remedy -n __fish_use_subcommand -a {} -d {}\n", name,
                           fish_quote(sub->get_description()));
        const std::string when = fmt::format("-n '__fish_seen_subcommand_from {}'", name);
        for (const CLI::Option* option : sub->get_options()) {
            const OptionWords words = words_of(*option);
            if (words.long_name == "help")
                continue;
            if (option->get_positional()) {
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

std::string completion_script(const CLI::App& app, std::string_view shell) {
    if (shell == "fish")
        return fish_script(app);
    const std::string function = bash_function(app);
    if (shell == "zsh")
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
