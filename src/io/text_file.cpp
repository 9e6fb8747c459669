#include "remedy/io/text_file.h"

#include "file_descriptor.h"
#include "remedy/io/limits.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
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
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait until a writer opens it.
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
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
    // Reading a pipe blocks again, so that a pipe with a writer is read to its end (a regular
    // file never blocks: two system calls a plan saved, a thousand plans a portfolio).
    if (S_ISFIFO(info.st_mode)) {
        const int flags = ::fcntl(fd.get(), F_GETFL);
        if (flags < 0 || ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK) != 0)
            return fail(std::strerror(errno));
    }

    std::string text;
    if (S_ISREG(info.st_mode))
        text.reserve(static_cast<std::size_t>(info.st_size));
    char buffer[65536];
    for (;;) {
        const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
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
