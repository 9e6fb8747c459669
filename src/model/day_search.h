#pragma once

// Private to the model: a search over days shared by the money from here (exposure.cpp) and the
// day a plan went out (out_of_contract.cpp).

#include <date/date.h>
#include <optional>

namespace remedy {

// The first day d in (low, high] with reached(d), when reached never turns false again in it:
// a binary search, so that a question of each day costs a few questions.
template <class Reached>
std::optional<date::sys_days> first_day_reaching(date::sys_days low, date::sys_days high,
                                                 Reached reached) {
    if (high <= low || !reached(high))
        return std::nullopt;
    while ((high - low).count() > 1) {
        const date::sys_days middle = low + date::days{(high - low).count() / 2};
        if (reached(middle))
            high = middle;
        else
            low = middle;
    }
    return high;
}

} // namespace remedy
