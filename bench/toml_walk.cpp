// The floor toml++ sets: parse a plan and read every field remedy reads from each issue and
// incident, as remedy does, and nothing else. Prints a one-line digest so nothing is optimised
// away. Several plans are parsed one after the other in this one process: the reference of
// `remedy portfolio`. usage: toml_walk PLAN...
#include <cstdio>
#include <string>
#include <toml++/toml.h>

namespace {

std::size_t text_length(const toml::table& table, std::string_view key) {
    const std::optional<std::string> text = table[key].value<std::string>();
    return text ? text->size() : 0;
}

long day_number(const toml::table& table, std::string_view key) {
    const std::optional<toml::date> day = table[key].value<toml::date>();
    return day ? day->year * 400 + day->month * 32 + day->day : 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs("usage: toml_walk PLAN...\n", stderr);
        return 2;
    }
    std::size_t issues = 0, characters = 0;
    long days = 0;
    for (int plan = 1; plan < argc; ++plan) {
        toml::table document;
        try {
            document = toml::parse_file(argv[plan]);
        } catch (const toml::parse_error& error) {
            std::fprintf(stderr, "%s\n", std::string(error.description()).c_str());
            return 3;
        }
        if (const toml::array* list = document["issue"].as_array())
            for (const toml::node& node : *list)
                if (const toml::table* issue = node.as_table()) {
                    ++issues;
                    for (const char* key : {"id", "title", "priority", "status", "category",
                                            "owner", "notes", "waiver"})
                        characters += text_length(*issue, key);
                    days += day_number(*issue, "due") + day_number(*issue, "resolved");
                }
        if (const toml::array* list = document["incident"].as_array())
            for (const toml::node& node : *list)
                if (const toml::table* incident = node.as_table()) {
                    characters +=
                        text_length(*incident, "priority") + text_length(*incident, "summary");
                    days += day_number(*incident, "date");
                }
    }
    std::printf("%zu issues, %zu characters, %ld\n", issues, characters, days);
}
