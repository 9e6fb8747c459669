#include "remedy/edit/plan_lock.h"

#include "remedy/io/write_all.h"

#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <utility>

namespace remedy {

namespace {

constexpr std::chrono::milliseconds retry_interval{20};

// The pid a lock file names, when it names one: what the message about a busy lock shows.
std::optional<long> pid_in(int fd) {
    std::array<char, 32> text{};
    const ssize_t got = ::pread(fd, text.data(), text.size() - 1, 0);
    if (got <= 0)
        return std::nullopt;
    long pid = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + got, pid);
    if (error != std::errc() || pid <= 0 || (end != text.data() + got && *end != '\n'))
        return std::nullopt;
    return pid;
}

// Whether `fd` is still the file at `path`: the editor before us may have removed the lock
// (it does, on its way out) after we opened it and before we locked it.
bool still_at(int fd, const std::string& path) {
    struct stat ours {};
    struct stat there {};
    return ::fstat(fd, &ours) == 0 && ::lstat(path.c_str(), &there) == 0 &&
           ours.st_dev == there.st_dev && ours.st_ino == there.st_ino;
}

} // namespace

Expected<PlanLock> PlanLock::acquire(const std::string& plan_path, std::chrono::milliseconds wait) {
    const std::string lock_path = plan_path + ".lock";
    const auto deadline = std::chrono::steady_clock::now() + wait;
    for (;;) {
        // Not a link (a lock committed as a link to another file would have that file written).
        const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd < 0 && errno == EINTR)
            continue;
        if (fd < 0)
            return fail(fmt::format("cannot create {}: {}", lock_path,
                                    errno == ELOOP ? "it is a symbolic link; remove it"
                                                   : std::strerror(errno)));
        // The kernel's lock on the open file, not the file's existence, is what is held: it
        // goes with the process, so a killed editor (SIGKILL, a power cut of the shell) leaves
        // at most a file that the next editor takes over.
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            if (!still_at(fd, lock_path)) {
                ::close(fd);
                continue;
            }
            // The holder's pid, for a person who finds the file or waits for it.
            if (::ftruncate(fd, 0) != 0 || !write_all(fd, fmt::format("{}\n", ::getpid()))) {
                const int error = errno;
                ::unlink(lock_path.c_str());
                ::close(fd);
                return fail(fmt::format("cannot write {}: {}", lock_path, std::strerror(error)));
            }
            return PlanLock(lock_path, fd);
        }
        const int error = errno;
        const std::optional<long> holder = pid_in(fd);
        ::close(fd);
        if (error == EINTR)
            continue;
        if (error != EWOULDBLOCK)
            return fail(fmt::format("cannot lock {}: {}", lock_path, std::strerror(error)));
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline)
            return fail(fmt::format(
                "{} is held by another remedy{} editing {}; try again when "
                "it is done",
                lock_path, holder ? fmt::format(" (pid {})", *holder) : std::string(), plan_path));
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
    // Removed while still held, so that no editor locks a file that is about to go; a file
    // that is no longer ours (removed by hand, then made by another editor) is left alone.
    if (still_at(fd_, lock_path_))
        ::unlink(lock_path_.c_str());
    ::close(fd_);
    fd_ = -1;
    lock_path_.clear();
}

} // namespace remedy
