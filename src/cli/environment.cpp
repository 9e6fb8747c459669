#include "environment.h"

#include <charconv>
#include <cstdlib>
#include <fmt/format.h>
#include <random>
#include <unistd.h>

namespace remedy {

namespace {

std::optional<std::string> variable(const char* name) {
    const char* value = std::getenv(name);
    if (!value)
        return std::nullopt;
    return std::string(value);
}

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

} // namespace

Environment Environment::read() {
    Environment env;
    env.plan = variable("REMEDY_PLAN");
    env.source_date_epoch = variable("SOURCE_DATE_EPOCH");
    const auto no_color = variable("NO_COLOR");
    env.no_color = no_color && !no_color->empty();
    env.dumb_terminal = variable("TERM") == "dumb";
    env.stdout_is_terminal = isatty(STDOUT_FILENO) == 1;
    env.stdin_is_terminal = isatty(STDIN_FILENO) == 1;
    env.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    std::error_code ec;
    env.working_dir = std::filesystem::current_path(ec);
    return env;
}

bool use_color(ColorWhen when, const Environment& env) {
    switch (when) {
    case ColorWhen::always:
        return true;
    case ColorWhen::never:
        return false;
    case ColorWhen::automatic:
        break;
    }
    return !env.no_color && !env.dumb_terminal && env.stdout_is_terminal;
}

Expected<Stamp> stamp_output(const Environment& env, std::string_view identity) {
    using namespace std::chrono;
    if (!env.source_date_epoch) {
        Stamp stamp{env.now, 0};
        std::random_device random;
        stamp.uniqueness = (std::uint64_t{random()} << 32) ^ random() ^
                           static_cast<std::uint64_t>(stamp.at.time_since_epoch().count());
        return stamp;
    }
    const std::string& epoch = *env.source_date_epoch;
    std::int64_t seconds_since_epoch = 0;
    const auto [end, ec] =
        std::from_chars(epoch.data(), epoch.data() + epoch.size(), seconds_since_epoch);
    // Years 1970 to 9999: what RFC 5322 and RFC 5545 dates can show.
    if (ec != std::errc() || end != epoch.data() + epoch.size() || seconds_since_epoch < 0 ||
        seconds_since_epoch > 253402300799)
        return fail(
            fmt::format("SOURCE_DATE_EPOCH='{}' is not a number of seconds since 1970", epoch));
    return Stamp{sys_seconds{seconds{seconds_since_epoch}},
                 fnv1a(std::string(identity) + '\n' + epoch)};
}

} // namespace remedy
