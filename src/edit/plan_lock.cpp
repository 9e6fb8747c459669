#include "remedy/edit/plan_lock.h"

#include "remedy/io/write_all.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace remedy {

namespace {

constexpr std::chrono::milliseconds retry_interval{20};

} // namespace

Expected<PlanLock> PlanLock::acquire(const std::string& plan_path, std::chrono::milliseconds wait) {
    const std::string lock_path = plan_path + ".lock";
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        const int fd = ::open(lock_path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0644);
        if (fd >= 0) {
            if (!write_all(fd, fmt::format("{}\n", ::getpid()))) {
                const int error = errno;
                ::close(fd);
                ::unlink(lock_path.c_str());
                return fail(fmt::format("cannot write {}: {}", lock_path, std::strerror(error)));
            }
            return PlanLock(lock_path, fd);
        }
        if (errno == EINTR)
            continue;
        if (errno != EEXIST)
            return fail(fmt::format("cannot create {}: {}", lock_path, std::strerror(errno)));
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline)
            return fail(fmt::format("{} exists: another remedy is editing {} (if none is "
                                    "running, remove {})",
                                    lock_path, plan_path, lock_path));
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(retry_interval, deadline - now));
    }
}

PlanLock::PlanLock(std::string lock_path, int fd) : lock_path_(std::move(lock_path)), fd_(fd) {}

PlanLock::PlanLock(PlanLock&& other) noexcept
    : lock_path_(std::exchange(other.lock_path_, {})), fd_(std::exchange(other.fd_, -1)) {}

PlanLock& PlanLock::operator=(PlanLock&& other) noexcept {
    if (this != &other) {
        release();
        lock_path_ = std::exchange(other.lock_path_, {});
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

PlanLock::~PlanLock() {
    release();
}

void PlanLock::release() noexcept {
    if (fd_ < 0)
        return;
    struct stat ours {};
    struct stat there {};
    if (::fstat(fd_, &ours) == 0 && ::lstat(lock_path_.c_str(), &there) == 0 &&
        ours.st_dev == there.st_dev && ours.st_ino == there.st_ino)
        ::unlink(lock_path_.c_str());
    ::close(fd_);
    fd_ = -1;
    lock_path_.clear();
}

} // namespace remedy
