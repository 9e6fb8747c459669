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

std::size_t file_warnings(const Diagnostics& reading) {
    std::size_t warnings = 0;
    for (const Diagnostic& d : reading)
        warnings += d.severity == Severity::warning;
    return warnings;
}

bool check_fails(const Judgement& judgement, const Diagnostics& reading, FailOn fail_on) {
    return check_fails(judgement.verdict, judgement.warnings.size() + file_warnings(reading),
                       fail_on);
}

} // namespace remedy
