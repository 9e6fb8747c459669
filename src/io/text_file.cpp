#include "remedy/io/text_file.h"

#include "file_descriptor.h"
#include "open_path.h"
#include "remedy/io/limits.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace remedy {

namespace {

Unexpected<std::string> too_large() {
    return fail(fmt::format("it is larger than {} MiB, the limit (docs/limits.md)",
                            limits::max_plan_bytes / (1024 * 1024)));
}

} // namespace

Expected<std::string> read_text_file(const std::string& path) {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait until a writer opens it, and
    // reading one would wait for as long as its writer keeps it open without writing. A plan
    // found in a folder deeper than PATH_MAX is opened too.
    const FileDescriptor fd(open_path(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (fd.get() < 0)
        return fail(std::strerror(errno));
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0)
        return fail(std::strerror(errno));
    if (S_ISDIR(info.st_mode))
        return fail("it is a directory");
    if (!S_ISREG(info.st_mode) && !S_ISFIFO(info.st_mode))
        return fail("it is not a regular file");
    if (S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) > limits::max_plan_bytes)
        return too_large();
    std::string text;
    if (S_ISREG(info.st_mode))
        text.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        // A pipe whose writer is there but silent: wait for its next bytes, not forever. (A
        // FIFO that no program has open for writing reads as empty at once.)
        if (got < 0 && errno == EAGAIN && S_ISFIFO(info.st_mode)) {
            pollfd wait{fd.get(), POLLIN, 0};
            const int ready = ::poll(&wait, 1, static_cast<int>(limits::max_pipe_silence_ms));
            if (ready == 0)
                return fail(fmt::format("no byte arrived for {} seconds (docs/limits.md)",
                                        limits::max_pipe_silence_ms / 1000));
            if (ready < 0 && errno != EINTR)
                return fail(std::strerror(errno));
            continue;
        }
        if (got < 0)
            return fail(std::strerror(errno));
        if (got == 0)
            break;
        // A file that grew since fstat, or a pipe, is still held to the limit.
        if (text.size() + static_cast<std::size_t>(got) > limits::max_plan_bytes)
            return too_large();
        text.append(buffer, static_cast<std::size_t>(got));
    }
    return text;
}

} // namespace remedy
