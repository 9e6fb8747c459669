#include "remedy/model/check_policy.h"

#include "remedy/model/judgement.h"

namespace remedy {

bool check_fails(Verdict verdict, std::size_t warnings, FailOn fail_on) {
    switch (fail_on) {
    case FailOn::warning:
        return warnings > 0 || severity(verdict) >= severity(Verdict::at_risk);
    case FailOn::at_risk:
        return severity(verdict) >= severity(Verdict::at_risk);
    case FailOn::terminate:
        return severity(verdict) >= severity(Verdict::terminate);
    case FailOn::never:
    case FailOn::flagged:
        return false;
    }
    return true;
}

bool check_fails(const Judgement& judgement, FailOn fail_on) {
    return check_fails(judgement.verdict, judgement.warnings.size(), fail_on);
}

} // namespace remedy
