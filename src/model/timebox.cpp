#include "remedy/model/timebox.h"

#include <algorithm>
#include <numeric>

namespace remedy {

namespace {

date::sys_days rolled_end(const Plan& plan, int extension_days) {
    return WorkingDays(plan.calendar)
        .roll(plan.timebox.start + date::days{plan.timebox.days + extension_days});
}

} // namespace

int extension_days_on(const Timebox& timebox, date::sys_days as_of) {
    int total = 0;
    for (const Extension& extension : timebox.extensions)
        if (extension.agreed <= as_of)
            total += extension.days;
    return total;
}

date::sys_days deadline_on(const Plan& plan, date::sys_days as_of) {
    return rolled_end(plan, extension_days_on(plan.timebox, as_of));
}

date::sys_days final_deadline(const Plan& plan) {
    int total = 0;
    for (const Extension& extension : plan.timebox.extensions)
        total += extension.days;
    return rolled_end(plan, total);
}

std::vector<std::size_t> extensions_in_agreed_order(const Timebox& timebox) {
    std::vector<std::size_t> order(timebox.extensions.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return timebox.extensions[a].agreed < timebox.extensions[b].agreed;
    });
    return order;
}

date::sys_days deadline_before_extension(const Plan& plan, std::size_t index) {
    int before = 0;
    for (std::size_t k : extensions_in_agreed_order(plan.timebox)) {
        if (k == index)
            break;
        before += plan.timebox.extensions[k].days;
    }
    return rolled_end(plan, before);
}

} // namespace remedy
