#include "open_path.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace remedy {

namespace {

// Well under every system's PATH_MAX (POSIX guarantees 256; Linux has 4096): a stretch of
// folders opened in one call.
constexpr std::size_t stretch = 1024;

} // namespace

int open_path(const std::string& path, int flags) {
    const int fd = ::open(path.c_str(), flags, 0666);
    if (fd >= 0 || errno != ENAMETOOLONG)
        return fd;
    const bool absolute = !path.empty() && path.front() == '/';
    int base = absolute ? ::open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC) : AT_FDCWD;
    std::size_t at = absolute ? 1 : 0;
    for (;;) {
        if (base < 0 && base != AT_FDCWD)
            return -1;
        const auto close_base = [&] {
            const int error = errno;
            if (base != AT_FDCWD)
                ::close(base);
            errno = error;
        };
        if (path.size() - at < stretch) {
            const int opened = ::openat(base, path.c_str() + at, flags, 0666);
            close_base();
            return opened;
        }
        const std::size_t cut = path.rfind('/', at + stretch);
        if (cut == std::string::npos || cut <= at) {
            close_base();
            errno = ENAMETOOLONG; // one name longer than a stretch: no file system has one
            return -1;
        }
        const std::string folders = path.substr(at, cut - at);
        const int next = ::openat(base, folders.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        close_base();
        base = next;
        if (base < 0)
            return -1;
        at = cut + 1;
    }
}

} // namespace remedy
