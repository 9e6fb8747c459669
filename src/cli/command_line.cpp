#include "command_line.h"

#include "remedy/model/dates.h"

#include <charconv>
#include <fmt/format.h>

namespace remedy {

namespace {

constexpr std::string_view usage_hint =
    "Run 'remedy --help' for the commands, or 'remedy COMMAND --help' for their options.";

// The value of a slot checked against its spec: a day or a number parsed, a default applied.
Expected<Arguments::Value, CommandError> checked_value(const OptionSpec& spec, bool given,
                                                       std::vector<std::string> words) {
    Arguments::Value value;
    value.spec = &spec;
    value.given = given;
    value.words = std::move(words);
    if (!given && !spec.default_value.empty())
        value.words = {std::string(spec.default_value)};
    if (!given || value.words.empty())
        return value;
    const std::string& word = value.words.front();
    const std::string shown = spec.positional() ? spec.key() : "--" + spec.key();
    if (spec.kind == ValueKind::day) {
        const Expected<date::sys_days> day = parse_iso_date(word);
        if (!day)
            return usage_error(fmt::format("{}: {}", shown, day.error()));
        value.day = *day;
    } else if (spec.kind == ValueKind::month) {
        const Expected<date::year_month> month = parse_iso_month(word);
        if (!month)
            return usage_error(fmt::format("{}: {}", shown, month.error()));
        value.month = *month;
    } else if (spec.kind == ValueKind::number) {
        long long number = 0;
        const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), number);
        if (ec != std::errc() || end != word.data() + word.size())
            return usage_error(fmt::format("{}: '{}' is not a whole number", shown, word));
        value.number = number;
    }
    return value;
}

} // namespace

CommandLine::CommandLine()
    : app_("remedy keeps a managed-IT remediation plan honest: the 60-day time box, the "
           "penalties to the cent, and the ultimatum verdict.",
           "remedy") {
    app_.set_version_flag("--version", fmt::format("remedy {}", REMEDY_VERSION));
    app_.require_subcommand(1);
    app_.footer("The plan is -f PLAN, else $REMEDY_PLAN, else remedy.toml in the working "
                "directory or above.\nExit status: 0 done, 1 check failed, 2 bad command line, "
                "3 plan missing or invalid.");
    for (const Command& command : command_table()) {
        CLI::App* sub =
            app_.add_subcommand(std::string(command.name), std::string(command.summary));
        if (command.hidden)
            sub->group("");
        if (!command.example.empty())
            sub->footer(fmt::format(
                "{}:\n  {}",
                command.example.find('\n') != std::string_view::npos ? "Examples" : "Example",
                command.example));
        sub->callback([this, &command] { chosen_ = &command; });
        for (const OptionSpec& spec : command.options) {
            Slot& slot = *slots_.emplace_back(std::make_unique<Slot>());
            slot.spec = &spec;
            slots_of_[&command].push_back(&slot);
            const std::string names(spec.names);
            const std::string help(spec.help);
            if (spec.kind == ValueKind::flag) {
                slot.option = sub->add_flag(names, slot.flag, help);
                continue;
            }
            if (spec.kind == ValueKind::texts) {
                slot.option = sub->add_option(names, slot.many, help);
            } else {
                slot.single = std::string(spec.default_value);
                slot.option = sub->add_option(names, slot.single, help);
                // Taken here so that parse() can say what was repeated, not CLI11's "At Most 1
                // required but received 2".
                slot.option->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
            }
            slot.option->type_name(std::string(spec.type_name));
            if (spec.need == OptionSpec::Need::required)
                slot.option->required();
            if (spec.kind == ValueKind::choice)
                slot.option->check(CLI::IsMember(spec.choices));
            if (!spec.default_value.empty())
                slot.option->capture_default_str();
        }
    }
}

Expected<std::optional<CommandLine::Parsed>, CommandError> CommandLine::parse(int argc,
                                                                              char** argv) {
    try {
        app_.parse(argc, argv);
    } catch (const CLI::CallForHelp& answered) {
        app_.exit(answered);
        return std::optional<Parsed>();
    } catch (const CLI::CallForAllHelp& answered) {
        app_.exit(answered);
        return std::optional<Parsed>();
    } catch (const CLI::CallForVersion& answered) {
        app_.exit(answered);
        return std::optional<Parsed>();
    } catch (const CLI::ParseError& error) {
        CommandError usage(error.what(), ExitStatus::usage);
        usage.hint = usage_hint;
        return Unexpected<CommandError>{std::move(usage)};
    }
    Parsed parsed;
    parsed.command = chosen_;
    for (Slot* slot : slots_of_[chosen_]) {
        const OptionSpec& spec = *slot->spec;
        if (spec.kind != ValueKind::flag && spec.kind != ValueKind::texts &&
            slot->option->count() > 1) {
            const std::string shown = spec.positional() ? spec.key() : "--" + spec.key();
            CommandError usage(fmt::format("{} was given {} times but takes one value{}{}", shown,
                                           slot->option->count(),
                                           spec.when_repeated.empty() ? "" : "; ",
                                           spec.when_repeated),
                               ExitStatus::usage);
            usage.hint = usage_hint;
            return Unexpected<CommandError>{std::move(usage)};
        }
        const bool given = slot->option->count() > 0;
        std::vector<std::string> words = slot->spec->kind == ValueKind::texts ? slot->many
                                         : given ? std::vector<std::string>{slot->single}
                                                 : std::vector<std::string>{};
        TRY_ASSIGN(Arguments::Value value, checked_value(*slot->spec, given, std::move(words)));
        parsed.args.values.emplace(slot->spec->key(), std::move(value));
    }
    return std::optional<Parsed>(std::move(parsed));
}

} // namespace remedy
