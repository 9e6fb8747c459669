#pragma once

#include <chrono>
#include <date/date.h>
#include <optional>
#include <string_view>

namespace remedy {

// One zone of the system's time-zone database, read from its own TZif file (RFC 8536) in the
// folder the date library reads. date::locate_zone lists the whole folder first (some 600 stat
// calls, most of the start-up of `remedy status`); a plan needs one zone.

// True when `name` is a zone date::locate_zone would find.
bool is_zone_name(std::string_view name);

// The offset from UTC in zone `name` at `at`: from the file's transitions, and after the last
// one from the file's POSIX TZ rule (which the date library does not read: past 2037 it would
// keep the last transition's offset all year). Nullopt where the file alone does not say it (no
// such file, leap seconds, before the first transition, a rule it cannot read): the caller then
// asks the date library.
std::optional<std::chrono::seconds> zone_offset(std::string_view name, date::sys_seconds at);

} // namespace remedy
