#pragma once

#include "remedy/model/judgement.h"

namespace remedy {

// SPEC.md "Verdict": the first rule that holds, with every reason for it. Expects the figures
// of `judgement` (states, penalties, strikes) to be filled in already.
void decide_verdict(const Plan& plan, Judgement& judgement);

} // namespace remedy
