#pragma once

#include "remedy/verdict.h"

#include <optional>
#include <string_view>

namespace remedy {

// `remedy check --fail-on`: the verdict at or past which the check fails.
enum class FailOn { at_risk, terminate, never };

std::optional<FailOn> parse_fail_on(std::string_view text);
std::string_view name(FailOn fail_on);

// Whether `verdict` is at or past the `fail_on` line.
bool check_fails(Verdict verdict, FailOn fail_on);

} // namespace remedy
