#pragma once

#include "remedy/util/expected.h"

#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace remedy {

// What a finished child process wrote and how it ended.
struct ProcessResult {
    int exit_status = -1; // the exit code, or -1 when it was killed by a signal
    std::string out;
    std::string err;
};

// Runs `argv` (found on PATH, no shell) in the folder `cwd`, feeds it `input` on standard input
// and collects both outputs without deadlocking on full pipes. Fails only when the program
// cannot be started at all.
Expected<ProcessResult> run_process(const std::vector<std::string>& argv, const std::string& cwd,
                                    const std::string& input = {});

// A child process spoken to one request at a time: a line written to its standard input, its
// answer read from its standard output, as `git cat-file --batch-command` answers. Its standard
// error is discarded (a failed request shows in the answer). While one is open, SIGPIPE is
// ignored, so that a child that dies makes a write fail instead of killing remedy.
class Conversation {
public:
    // Starts `argv` in `cwd`; fails when it cannot be started.
    static Expected<Conversation> start(const std::vector<std::string>& argv,
                                        const std::string& cwd);
    Conversation(Conversation&& other) noexcept;
    Conversation& operator=(Conversation&&) = delete;
    Conversation(const Conversation&) = delete;
    ~Conversation();

    // Writes `text` whole.
    Expected<void> write(std::string_view text);
    // The next line of the answer, without its '\n'; fails at the end of the output.
    Expected<std::string> read_line();
    // The next `size` bytes of the answer, appended to `into`, never held twice.
    Expected<void> read_exact(std::size_t size, std::string& into);

private:
    Conversation() = default;
    Expected<void> fill();
    void close();

    pid_t pid_ = -1;
    int in_ = -1;  // the child's standard input
    int out_ = -1; // its standard output
    std::string buffer_;
    std::size_t read_at_ = 0;
};

} // namespace remedy
