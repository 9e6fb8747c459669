#pragma once

#include "remedy/util/expected.h"

#include <string>
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

} // namespace remedy
