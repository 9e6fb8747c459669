#pragma once

#include "remedy/model/verdict.h"
#include "remedy/util/enum_names.h"

namespace remedy {

// The line at or past which a check of the plan fails: a CI job chooses how bad a verdict may
// be before the build goes red.
enum class FailOn { at_risk, terminate, never };

inline constexpr EnumNames<FailOn, 3> fail_on_lines{{{
    {FailOn::at_risk, "at-risk"},
    {FailOn::terminate, "terminate"},
    {FailOn::never, "never"},
}}};

inline std::string_view name(FailOn fail_on) {
    return fail_on_lines.name(fail_on);
}

// Whether `verdict` is at or past the `fail_on` line.
bool check_fails(Verdict verdict, FailOn fail_on);

} // namespace remedy
