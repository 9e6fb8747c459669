#include "remedy/verdict.h"

namespace remedy {

std::string_view name(Verdict verdict) {
    switch (verdict) {
    case Verdict::on_track:
        return "on-track";
    case Verdict::at_risk:
        return "at-risk";
    case Verdict::remediated:
        return "remediated";
    case Verdict::terminate:
        return "terminate";
    }
    return "?";
}

int severity(Verdict verdict) {
    switch (verdict) {
    case Verdict::on_track:
    case Verdict::remediated:
        return 0;
    case Verdict::at_risk:
        return 1;
    case Verdict::terminate:
        return 2;
    }
    return 2;
}

} // namespace remedy
