#pragma once

#include "remedy/util/expected.h"

#include <chrono>
#include <string>

namespace remedy {

// The right to edit a plan: the file `<plan>.lock`, created exclusively (as git creates
// index.lock) and holding the pid of its owner, removed when the PlanLock is destroyed.
class PlanLock {
public:
    // Takes the lock of `plan_path`, retrying every 20 ms while another process holds it;
    // fails once `wait` has run out, or at once when the lock file cannot be created.
    static Expected<PlanLock> acquire(const std::string& plan_path,
                                      std::chrono::milliseconds wait = std::chrono::seconds(2));

    PlanLock(PlanLock&& other) noexcept;
    PlanLock& operator=(PlanLock&& other) noexcept;
    PlanLock(const PlanLock&) = delete;
    PlanLock& operator=(const PlanLock&) = delete;
    ~PlanLock();

    // The lock file; empty once moved from.
    const std::string& path() const { return lock_path_; }

private:
    PlanLock(std::string lock_path, int fd);
    void release() noexcept;

    std::string lock_path_;
    // Kept open so that the file's inode cannot be reused: a lock removed by hand and taken by
    // another process is then told apart from ours, and left alone.
    int fd_ = -1;
};

} // namespace remedy
