#pragma once

#include "remedy/util/expected.h"

#include <chrono>
#include <optional>
#include <string>

namespace remedy {

// The right to edit a plan: an exclusive flock(2) on the file `<plan>.lock`, which holds the
// pid of its owner and is removed when the PlanLock is destroyed. The kernel releases the lock
// when its holder dies however it dies, so a lock file left behind (by SIGKILL, or committed
// to the repository, or holding anything at all) never blocks an edit: the next editor takes
// it over.
class PlanLock {
public:
    // Takes the lock of `plan_path`, retrying every 20 ms while a living process holds it;
    // fails once `wait` has run out (naming the holder's pid), or at once when the lock file
    // cannot be created (or is a symbolic link).
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
    // Open while held: the flock lives on it, and the file's inode cannot be reused, so that a
    // lock removed by hand and taken by another process is told apart from ours, left alone.
    int fd_ = -1;
};

} // namespace remedy
