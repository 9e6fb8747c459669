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

// Starts `args` with the pipes as its standard streams, in `cwd` when not empty.
Expected<pid_t> spawn(std::vector<char*>& args, const std::string& cwd, Pipe& in, Pipe& out,
                      Pipe& err) {
#if defined(REMEDY_HAVE_POSIX_SPAWN_FILE_ACTIONS_ADDCHDIR_NP)
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);
    int failed = cwd.empty() ? 0 : posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    pid_t pid = 0;
    if (failed == 0)
        failed = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0)
        return fail(fmt::format("cannot run {}: {}", args[0], std::strerror(failed)));
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
        return fail(fmt::format("cannot run {}: {}", args[0], std::strerror(errno)));
    if (pid == 0) {
        ::dup2(in.fd[0], 0);
        ::dup2(out.fd[1], 1);
        ::dup2(err.fd[1], 2);
        if (cwd.empty() || ::chdir(cwd.c_str()) == 0)
            ::execvp(args[0], args.data());
        const int error = errno;
        (void)!::write(report.fd[1], &error, sizeof error);
        ::_exit(127);
    }
    report.close_end(1);
    int error = 0;
    ssize_t got = 0;
    while ((got = ::read(report.fd[0], &error, sizeof error)) < 0 && errno == EINTR) {
    }
    if (got == sizeof error) {
        while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
        }
        return fail(fmt::format("cannot run {}: {}", args[0], std::strerror(error)));
    }
    return pid;
#endif
}

} // namespace

Expected<ProcessResult> run_process(const std::vector<std::string>& argv, const std::string& cwd,
                                    const std::string& input) {
    Pipe in, out, err;
    if (!in.open() || !out.open() || !err.open())
        return fail(fmt::format("cannot create a pipe: {}", std::strerror(errno)));

    std::vector<char*> args;
    for (const std::string& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    TRY_ASSIGN(const pid_t pid, spawn(args, cwd, in, out, err));
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
