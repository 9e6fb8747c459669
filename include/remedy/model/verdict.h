#pragma once

#include "remedy/util/enum_names.h"

#include <cstddef>
#include <optional>
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

// One reason for a verdict, as facts: its kind and what it is about. The render layer words it
// (render/judgement_words.h), so that every channel says the same of the same figures.
struct Reason {
    ReasonKind kind;
    std::optional<std::size_t> issue;    // index into plan.issues
    std::optional<std::size_t> incident; // index into plan.incidents (a strike)
    int strike = 0;                      // strike: its number, 1-based, of judgement.strike_limit
    int issues_resolved = 0;             // all_resolved: the issues resolved
    int issues_waived = 0;               // all_resolved: the issues waived
    int issues_open = 0;                 // on_schedule: the issues still to resolve
};

} // namespace remedy
