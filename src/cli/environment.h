#pragma once

#include "remedy/util/enum_names.h"
#include "remedy/util/expected.h"

#include <chrono>
#include <cstdint>
#include <date/date.h>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace remedy {

// What remedy reads from the world besides the command line, read once at the start: the
// environment variables it honours, the clock, the working directory, whether standard output
// is a terminal. Handlers take the world from here, never from getenv or the clock.
struct Environment {
    std::optional<std::string> plan;              // $REMEDY_PLAN
    std::optional<std::string> source_date_epoch; // $SOURCE_DATE_EPOCH
    bool no_color = false;                        // $NO_COLOR set to anything but ""
    bool dumb_terminal = false;                   // $TERM = dumb
    bool stdout_is_terminal = false;
    bool stdin_is_terminal = false;
    date::sys_seconds now; // the clock, read once, to the second
    std::filesystem::path working_dir;

    static Environment read();
};

// --color.
enum class ColorWhen { automatic, always, never };
inline constexpr EnumNames<ColorWhen, 3> color_whens{{{
    {ColorWhen::automatic, "auto"},
    {ColorWhen::always, "always"},
    {ColorWhen::never, "never"},
}}};

// --color auto colours a terminal, unless NO_COLOR is set (no-color.org) or the terminal says
// it cannot; always and never are what the user asked for.
bool use_color(ColorWhen when, const Environment& env);

// The moment a letter or a calendar is dated, and what makes its Message-ID unique.
struct Stamp {
    std::chrono::sys_seconds at;
    std::uint64_t uniqueness = 0;
};

// With SOURCE_DATE_EPOCH (reproducible-builds.org) both derive from the epoch and `identity`
// (what the output is of), so that the same inputs give the same bytes; without it, from the
// clock and the system's random source. Fails on an epoch that is not a number of seconds
// from 1970 to 9999.
Expected<Stamp> stamp_output(const Environment& env, std::string_view identity);

} // namespace remedy
