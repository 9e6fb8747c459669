#pragma once

#include <optional>
#include <string_view>

namespace remedy {

// How many CPUs this process may keep busy: the CPUs its affinity mask allows
// (sched_getaffinity, where the system has it; else the cores std::thread reports), fewer when
// a cgroup CPU quota (cgroup v2 cpu.max, or v1 cpu.cfs_quota_us and cpu.cfs_period_us) on its
// cgroup or an ancestor allows fewer; at least 1. A 2-CPU container on a 64-core host gets 2.
unsigned usable_cpus();

// The CPUs a cgroup v2 cpu.max line ("200000 100000", or "max 100000") allows, rounded up;
// nothing when it sets no limit or cannot be read.
std::optional<unsigned> cpus_of_quota(std::string_view cpu_max);

} // namespace remedy
