#pragma once

#include "remedy/model/judgement.h"
#include "remedy/util/enum_names.h"

#include <date/date.h>
#include <optional>
#include <vector>

namespace remedy {

// Why a plan whose verdict is terminate is out, and since which day: what a consultant's Monday
// asks of each plan that is out (SPEC.md v3, "Several plans on a Monday"). Read from the facts
// of the judgement on as_of (its reasons, the issues' cut-offs, the strikes, the charges of each
// day), so that it is a pure function of (plan, as_of) like the judgement itself.

enum class OutCause {
    deadline, // an issue not waived was not resolved by its cut-off (the deadline, or a due
              // date a pause carried past it)
    cap,      // the cap was reached and reaching it ends the relationship
    strikes,  // the incidents after the warning reached the ultimatum's limit
};

inline constexpr EnumNames<OutCause, 3> out_causes{{{
    {OutCause::deadline, "deadline"},
    {OutCause::cap, "cap"},
    {OutCause::strikes, "strikes"},
}}};

inline std::string_view name(OutCause cause) {
    return out_causes.name(cause);
}

struct OutOfContract {
    std::vector<OutCause> why; // in the order deadline, cap, strikes
    // The first day one of them held: the day after the earliest missed cut-off, the day the
    // cap was reached, the day of the incident that made the last strike the ultimatum allows.
    date::sys_days since;
};

// None unless the verdict is terminate.
std::optional<OutOfContract> out_of_contract(const Plan& plan, const Judgement& judgement);

// The first day on or before as_of on which the cap was reached (as cap_reached defines it),
// counting the charges that fall on each day; none without a cap or when it is not reached.
std::optional<date::sys_days> cap_reached_on(const Plan& plan, const Judgement& judgement);

} // namespace remedy
