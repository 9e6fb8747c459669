#include "common_options.h"

namespace remedy {

OptionSpec plan_option() {
    return {.names = "-f,--file",
            .help = "The plan file (default: $REMEDY_PLAN, else remedy.toml here or above)",
            .type_name = "PLAN",
            .completes = Completes::plan_file,
            .when_repeated = "to judge several plans use 'remedy portfolio PATH...', to check "
                             "several 'remedy check PLAN...'"};
}

OptionSpec as_of_option() {
    return {.names = "--as-of",
            .help = "Judge the plan on this day (default: today in client.timezone)",
            .type_name = "YYYY-MM-DD",
            .kind = ValueKind::day};
}

OptionSpec format_option(std::initializer_list<Format> offered) {
    std::vector<std::string> words;
    for (Format format : offered)
        words.emplace_back(formats.name(format));
    return {.names = "--format",
            .help = "Output format",
            .type_name = "FORMAT",
            .kind = ValueKind::choice,
            .choices = std::move(words),
            .default_value = formats.name(*offered.begin()),
            .completes = Completes::choices};
}

OptionSpec color_option() {
    return {.names = "--color",
            .help = "Colour the text output (NO_COLOR is honoured)",
            .type_name = "WHEN",
            .kind = ValueKind::choice,
            .choices = color_whens.words(),
            .default_value = "auto",
            .completes = Completes::choices};
}

OptionSpec output_option() {
    return {.names = "-o,--output",
            .help = "Write to this file instead of standard output",
            .type_name = "FILE"};
}

OptionSpec bom_option() {
    return {.names = "--bom",
            .help = "With --format csv: start with the UTF-8 byte order mark, so that Excel on "
                    "Windows reads accents and CJK names right",
            .kind = ValueKind::flag};
}

Expected<std::string, CommandError> with_byte_order_mark(const Invocation& invocation,
                                                         Format format, std::string text) {
    if (!invocation.args.flag("bom"))
        return text;
    if (format != Format::csv)
        return usage_error("--bom is for --format csv");
    return "\xEF\xBB\xBF" + text;
}

} // namespace remedy
