#include "remedy/io/write_all.h"

#include "remedy/io/atomic_write.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

namespace remedy {

bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            errno = n == 0 ? EIO : errno;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

Expected<void> write_output(const std::string& path, std::string_view text) {
    // A file is replaced whole, as an edit replaces the plan: a full disk or a kill leaves the
    // old file, never a fragment of the new one. A pipe, a FIFO or a device (-o /dev/stdout)
    // cannot be replaced, only written to.
    struct stat info {};
    if (!path.empty() && (::stat(path.c_str(), &info) != 0 || S_ISREG(info.st_mode)))
        return replace_file_contents(path, text);
    const std::string shown = path.empty() ? "the output" : path;
    const int fd =
        path.empty() ? STDOUT_FILENO : ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0)
        return fail(fmt::format("cannot write {}: {}", shown, std::strerror(errno)));
    bool written = write_all(fd, text);
    int error = errno;
    if (fd != STDOUT_FILENO && ::close(fd) != 0 && written) {
        written = false;
        error = errno;
    }
    if (!written)
        return fail(fmt::format("cannot write {}: {}", shown, std::strerror(error)));
    return {};
}

bool same_existing_file(const std::string& a, const std::string& b) {
    struct stat first {};
    struct stat second {};
    return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 &&
           first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

} // namespace remedy
