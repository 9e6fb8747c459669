#include "remedy/check_policy.h"

namespace remedy {

std::optional<FailOn> parse_fail_on(std::string_view text) {
    if (text == "at-risk")
        return FailOn::at_risk;
    if (text == "terminate")
        return FailOn::terminate;
    if (text == "never")
        return FailOn::never;
    return std::nullopt;
}

std::string_view name(FailOn fail_on) {
    switch (fail_on) {
    case FailOn::at_risk:
        return "at-risk";
    case FailOn::terminate:
        return "terminate";
    case FailOn::never:
        return "never";
    }
    return "?";
}

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
