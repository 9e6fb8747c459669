#include "remedy/model/timebox.h"

namespace remedy {

int extension_days(const Timebox& timebox) {
    int total = 0;
    for (const Extension& extension : timebox.extensions)
        total += extension.days;
    return total;
}

date::sys_days deadline(const Timebox& timebox) {
    return timebox.start + date::days{timebox.days + extension_days(timebox)};
}

} // namespace remedy
