#pragma once

#include "remedy/model/judgement.h"

#include <cstddef>
#include <vector>

namespace remedy {

// Issue indexes in the order a person acts on them: overdue first (most days overdue first),
// then the unresolved by due date, then the resolved, then the waived; within a day, the
// highest priority first, then by id, so the order never depends on the plan's.
std::vector<std::size_t> issues_by_urgency(const Plan& plan, const Judgement& judgement);

// Only the issues still to resolve on as_of (open or in progress), in the same order (taken
// from judgement.by_urgency).
std::vector<std::size_t> unresolved_by_urgency(const Plan& plan, const Judgement& judgement);

} // namespace remedy
