#include "remedy/io/usable_cpus.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#ifdef REMEDY_HAVE_SCHED_GETAFFINITY
#include <sched.h>
#endif

namespace remedy {

namespace {

std::optional<long long> number(std::string_view text) {
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::string first_line(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

// The CPUs of the affinity mask.
unsigned affinity_cpus() {
#ifdef REMEDY_HAVE_SCHED_GETAFFINITY
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return static_cast<unsigned>(CPU_COUNT(&set));
#endif
    return std::max(1U, std::thread::hardware_concurrency());
}

// The least quota of this process's cgroup and its ancestors (cgroup v2), or of its cpu
// controller (v1).
std::optional<unsigned> quota_cpus() {
    std::optional<unsigned> least;
    const auto take = [&least](std::optional<unsigned> cpus) {
        if (cpus && (!least || *cpus < *least))
            least = cpus;
    };
    std::ifstream cgroups("/proc/self/cgroup");
    std::string line;
    while (std::getline(cgroups, line)) {
        if (line.starts_with("0::")) { // v2: "0::/user.slice/session-1.scope"
            std::string path = line.substr(3);
            for (;;) {
                take(cpus_of_quota(first_line("/sys/fs/cgroup" + path + "/cpu.max")));
                if (path.empty() || path == "/")
                    break;
                path = path.substr(0, path.rfind('/'));
            }
        }
    }
    const std::optional<long long> quota =
        number(first_line("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"));
    const std::optional<long long> period =
        number(first_line("/sys/fs/cgroup/cpu/cpu.cfs_period_us"));
    if (quota && period && *quota > 0 && *period > 0)
        take(static_cast<unsigned>((*quota + *period - 1) / *period));
    return least;
}

} // namespace

std::optional<unsigned> cpus_of_quota(std::string_view cpu_max) {
    const std::size_t space = cpu_max.find(' ');
    if (space == std::string_view::npos)
        return std::nullopt;
    const std::optional<long long> quota = number(cpu_max.substr(0, space));
    const std::optional<long long> period = number(cpu_max.substr(space + 1));
    if (!quota || !period || *quota <= 0 || *period <= 0)
        return std::nullopt; // "max": no limit
    return static_cast<unsigned>(std::max(1LL, (*quota + *period - 1) / *period));
}

unsigned usable_cpus() {
    const unsigned cpus = affinity_cpus();
    const std::optional<unsigned> quota = quota_cpus();
    return std::max(1U, quota ? std::min(cpus, *quota) : cpus);
}

} // namespace remedy
