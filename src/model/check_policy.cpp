#include "remedy/model/check_policy.h"

namespace remedy {

bool check_fails(Verdict verdict, FailOn fail_on) {
    switch (fail_on) {
    case FailOn::at_risk:
        return severity(verdict) >= severity(Verdict::at_risk);
    case FailOn::terminate:
        return severity(verdict) >= severity(Verdict::terminate);
    case FailOn::never:
        return false;
    }
    return true;
}

} // namespace remedy
