#include "command.h"

#include <fmt/format.h>
#include <stdexcept>

namespace remedy {

std::string OptionSpec::key() const {
    std::string_view key = names;
    if (const auto comma = key.rfind(','); comma != std::string_view::npos)
        key.remove_prefix(comma + 1);
    while (key.starts_with('-'))
        key.remove_prefix(1);
    return std::string(key);
}

const Arguments::Value& Arguments::value(std::string_view key) const {
    const auto it = values.find(key);
    if (it == values.end())
        throw std::logic_error(
            fmt::format("the command reads an option it does not declare: {}", key));
    return it->second;
}

bool Arguments::given(std::string_view key) const {
    return value(key).given;
}

std::string Arguments::text(std::string_view key) const {
    const Value& v = value(key);
    return v.words.empty() ? std::string() : v.words.front();
}

std::vector<std::string> Arguments::texts(std::string_view key) const {
    return value(key).words;
}

std::optional<date::sys_days> Arguments::day(std::string_view key) const {
    return value(key).day;
}

std::optional<date::year_month> Arguments::month(std::string_view key) const {
    return value(key).month;
}

std::optional<long long> Arguments::number(std::string_view key) const {
    return value(key).number;
}

bool Arguments::flag(std::string_view key) const {
    return value(key).given;
}

} // namespace remedy
