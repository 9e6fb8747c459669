#pragma once

#include "remedy/util/enum_names.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace remedy {

enum class Verdict { on_track, at_risk, remediated, terminate };

inline constexpr EnumNames<Verdict, 4> verdicts{{{
    {Verdict::on_track, "on-track"},
    {Verdict::at_risk, "at-risk"},
    {Verdict::remediated, "remediated"},
    {Verdict::terminate, "terminate"},
}}};

// "on-track", "at-risk", "remediated", "terminate".
inline std::string_view name(Verdict verdict) {
    return verdicts.name(verdict);
}

// How bad a verdict is, for `check --fail-on`: on-track and remediated 0, at-risk 1, terminate 2.
int severity(Verdict verdict);

enum class ReasonKind {
    unresolved_at_deadline, // terminate: a non-waived issue not resolved on the deadline
    strike,                 // terminate: an incident that counts against the ultimatum
    cap_reached,            // terminate: the cap is reached and terminate_at_cap is set
    all_resolved,           // remediated
    overdue,                // at-risk: one overdue issue
    on_schedule,            // on-track
};

// One reason for a verdict, in words a person can act on, with what it is about.
struct Reason {
    ReasonKind kind;
    std::string text;
    std::optional<std::size_t> issue;    // index into plan.issues
    std::optional<std::size_t> incident; // index into plan.incidents
};

} // namespace remedy
