#include "child_process.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>
#include <vector>

extern char** environ;

namespace remedy {

namespace {

// A pipe whose ends close themselves, and close in every program this one starts.
struct Pipe {
    int fd[2] = {-1, -1};
    bool open() {
#ifdef REMEDY_HAVE_PIPE2
        return ::pipe2(fd, O_CLOEXEC) == 0;
#else
        // Two steps: a program another thread starts in between could inherit the ends; remedy
        // starts programs from one thread only.
        return ::pipe(fd) == 0 && ::fcntl(fd[0], F_SETFD, FD_CLOEXEC) == 0 &&
               ::fcntl(fd[1], F_SETFD, FD_CLOEXEC) == 0;
#endif
    }
    void close_end(int i) {
        if (fd[i] >= 0)
            ::close(fd[i]);
        fd[i] = -1;
    }
    ~Pipe() {
        close_end(0);
        close_end(1);
    }
};

// Starts `argv` (found on PATH, no shell) in `cwd` with `input`, `output` and `error` (a
// descriptor; -1: /dev/null) as its standard streams. Returns its process id.
Expected<pid_t> spawn(const std::vector<std::string>& argv, const std::string& cwd, int input,
                      int output, int error) {
    std::vector<char*> args;
    for (const std::string& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
#if defined(REMEDY_HAVE_POSIX_SPAWN_FILE_ACTIONS_ADDCHDIR_NP)
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, input, 0);
    posix_spawn_file_actions_adddup2(&actions, output, 1);
    if (error >= 0)
        posix_spawn_file_actions_adddup2(&actions, error, 2);
    else
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    int failed = cwd.empty() ? 0 : posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    pid_t pid = 0;
    if (failed == 0)
        failed = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0)
        return fail(fmt::format("cannot run {}: {}", argv[0], std::strerror(failed)));
    return pid;
#else
    // Without a way to tell posix_spawn the folder: fork, and in the child only calls that are
    // safe after fork; a failure to change folder or to start the program is reported through
    // a pipe that closes on a successful exec.
    Pipe report;
    if (!report.open())
        return fail(fmt::format("cannot create a pipe: {}", std::strerror(errno)));
    const pid_t pid = ::fork();
    if (pid < 0)
        return fail(fmt::format("cannot run {}: {}", argv[0], std::strerror(errno)));
    if (pid == 0) {
        ::dup2(input, 0);
        ::dup2(output, 1);
        if (error >= 0)
            ::dup2(error, 2);
        else if (const int null = ::open("/dev/null", O_WRONLY); null >= 0)
            ::dup2(null, 2);
        if (cwd.empty() || ::chdir(cwd.c_str()) == 0)
            ::execvp(args[0], args.data());
        const int error_number = errno;
        (void)!::write(report.fd[1], &error_number, sizeof error_number);
        ::_exit(127);
    }
    report.close_end(1);
    int error_number = 0;
    ssize_t got = 0;
    while ((got = ::read(report.fd[0], &error_number, sizeof error_number)) < 0 && errno == EINTR) {
    }
    if (got == sizeof error_number) {
        while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
        }
        return fail(fmt::format("cannot run {}: {}", argv[0], std::strerror(error_number)));
    }
    return pid;
#endif
}

// Pumps `input` into `in` while draining `out` and `err`, until both outputs reach end of file.
void pump(Pipe& in, Pipe& out, Pipe& err, const std::string& input, ProcessResult& result) {
    std::size_t written = 0;
    if (input.empty())
        in.close_end(1);
    std::array<char, 65536> buffer;
    while (out.fd[0] >= 0 || err.fd[0] >= 0) {
        std::array<pollfd, 3> fds{
            {{in.fd[1], POLLOUT, 0}, {out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}}};
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (fds[0].revents & (POLLOUT | POLLERR | POLLHUP)) {
            const ssize_t n = ::write(in.fd[1], input.data() + written, input.size() - written);
            if (n > 0)
                written += static_cast<std::size_t>(n);
            if (n < 0 && errno != EINTR && errno != EAGAIN)
                written = input.size(); // the child stopped reading: give up the rest
            if (written == input.size())
                in.close_end(1);
        }
        for (int i : {1, 2}) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            Pipe& pipe = i == 1 ? out : err;
            const ssize_t n = ::read(pipe.fd[0], buffer.data(), buffer.size());
            if (n > 0)
                (i == 1 ? result.out : result.err).append(buffer.data(), static_cast<size_t>(n));
            else if (n == 0 || errno != EINTR)
                pipe.close_end(0);
        }
    }
    in.close_end(1);
}

} // namespace

Expected<ProcessResult> run_process(const std::vector<std::string>& argv, const std::string& cwd,
                                    const std::string& input) {
    Pipe in, out, err;
    if (!in.open() || !out.open() || !err.open())
        return fail(fmt::format("cannot create a pipe: {}", std::strerror(errno)));

    TRY_ASSIGN(const pid_t pid, spawn(argv, cwd, in.fd[0], out.fd[1], err.fd[1]));
    in.close_end(0);
    out.close_end(1);
    err.close_end(1);
    // Our end of the child's input never blocks: a large input must not wait for the child while
    // the child waits for us to drain its output.
    ::fcntl(in.fd[1], F_SETFL, ::fcntl(in.fd[1], F_GETFL) | O_NONBLOCK);

    // A child that stops reading must not kill us with SIGPIPE while we feed it.
    struct sigaction ignore {};
    struct sigaction previous {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &previous);
    ProcessResult result;
    pump(in, out, err, input, result);
    ::sigaction(SIGPIPE, &previous, nullptr);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

} // namespace remedy

namespace remedy {

namespace {

// SIGPIPE is ignored while any conversation is open, and restored when the last one closes.
int open_conversations = 0;
struct sigaction pipe_before_conversations {};

void conversation_opened() {
    if (open_conversations++ == 0) {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        ::sigaction(SIGPIPE, &ignore, &pipe_before_conversations);
    }
}

void conversation_closed() {
    if (--open_conversations == 0)
        ::sigaction(SIGPIPE, &pipe_before_conversations, nullptr);
}

} // namespace

Expected<Conversation> Conversation::start(const std::vector<std::string>& argv,
                                           const std::string& cwd) {
    Pipe in, out;
    if (!in.open() || !out.open())
        return fail(fmt::format("cannot create a pipe: {}", std::strerror(errno)));
    Conversation child;
    TRY_ASSIGN(child.pid_, spawn(argv, cwd, in.fd[0], out.fd[1], -1));
    in.close_end(0);
    out.close_end(1);
    std::swap(child.in_, in.fd[1]);
    std::swap(child.out_, out.fd[0]);
    conversation_opened();
    return child;
}

Conversation::Conversation(Conversation&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)), in_(std::exchange(other.in_, -1)),
      out_(std::exchange(other.out_, -1)), buffer_(std::move(other.buffer_)),
      read_at_(other.read_at_) {}

Conversation::~Conversation() {
    close();
}

void Conversation::close() {
    if (pid_ < 0)
        return;
    if (in_ >= 0)
        ::close(in_);
    if (out_ >= 0)
        ::close(out_);
    in_ = out_ = -1;
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    conversation_closed();
}

Expected<void> Conversation::write(std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(in_, text.data(), text.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(fmt::format("git stopped reading: {}", std::strerror(errno)));
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

// Reads more of the output into the buffer, dropping what was already taken.
Expected<void> Conversation::fill() {
    if (read_at_ > 0) {
        buffer_.erase(0, read_at_);
        read_at_ = 0;
    }
    std::array<char, 65536> chunk;
    for (;;) {
        const ssize_t n = ::read(out_, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail("git stopped answering");
        buffer_.append(chunk.data(), static_cast<std::size_t>(n));
        return {};
    }
}

Expected<std::string> Conversation::read_line() {
    for (;;) {
        const std::size_t eol = buffer_.find('\n', read_at_);
        if (eol != std::string::npos) {
            std::string line = buffer_.substr(read_at_, eol - read_at_);
            read_at_ = eol + 1;
            return line;
        }
        TRY(fill());
    }
}

Expected<void> Conversation::read_exact(std::size_t size, std::string& into) {
    for (;;) {
        const std::size_t available = std::min(size, buffer_.size() - read_at_);
        into.append(buffer_, read_at_, available);
        read_at_ += available;
        size -= available;
        if (size == 0)
            return {};
        // Read straight into `into` what the buffer does not hold, so that a large object
        // passes through memory once.
        buffer_.clear();
        read_at_ = 0;
        const std::size_t at = into.size();
        into.resize(at + size);
        std::size_t got = 0;
        while (got < size) {
            const ssize_t n = ::read(out_, into.data() + at + got, size - got);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                into.resize(at + got);
                return fail("git stopped answering");
            }
            got += static_cast<std::size_t>(n);
        }
        return {};
    }
}

} // namespace remedy
