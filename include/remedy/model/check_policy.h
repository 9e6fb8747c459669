#pragma once

#include "remedy/model/diagnostic.h"
#include "remedy/model/verdict.h"
#include "remedy/util/enum_names.h"

#include <cstddef>

namespace remedy {

struct Judgement;

// The line at or past which a check of the plan fails: a CI job chooses how bad a verdict may
// be before the build goes red. `flagged`: the verdict never fails it; a flag on a commit of the
// range checked does (check --commits).
enum class FailOn { warning, at_risk, terminate, never, flagged };

inline constexpr EnumNames<FailOn, 5> fail_on_lines{{{
    {FailOn::warning, "warning"},
    {FailOn::at_risk, "at-risk"},
    {FailOn::terminate, "terminate"},
    {FailOn::never, "never"},
    {FailOn::flagged, "flagged"},
}}};

inline std::string_view name(FailOn fail_on) {
    return fail_on_lines.name(fail_on);
}

// Whether a check fails: the verdict is at or past the `fail_on` line, or, for the line
// `warning`, there is a warning (at-risk and terminate fail it too).
bool check_fails(Verdict verdict, std::size_t warnings, FailOn fail_on);

// The warnings of reading the plan file (`reading`: an unknown key is one).
std::size_t file_warnings(const Diagnostics& reading);

// The same for a judgement, with its warnings and those of reading its file: `check --fail-on
// warning` fails on an unknown key as on an issue due soon.
bool check_fails(const Judgement& judgement, const Diagnostics& reading, FailOn fail_on);

} // namespace remedy
