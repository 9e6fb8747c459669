#include "remedy/model/verdict.h"

namespace remedy {

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
