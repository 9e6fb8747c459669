#pragma once

#include "plan_access.h"

#include <exception>
#include <functional>
#include <optional>

namespace remedy {

// Runs job(0) .. job(count - 1) on a small pool of threads, as many as the machine has cores
// (at least one, at most `count`). A job that throws does not stop the others: the result is
// one exception_ptr per job, null for each job that returned.
std::vector<std::exception_ptr> run_in_parallel(std::size_t count,
                                                const std::function<void(std::size_t)>& job);

// One plan of a command that judges several: read and judged on its day, or why it was not.
struct JudgedFile {
    std::string file;
    std::optional<JudgedPlan> judged; // absent when the plan is unreadable or invalid
    // Every error and warning found in the file; when reading or judging it threw (a bug, or
    // memory ran out), one error that says so, without a place.
    Diagnostics diagnostics;
};

// What a command keeps of each plan, called on the thread that judged it, so that only that
// is held (a portfolio keeps a row, not a thousand plans). `index` is the plan's place in
// `files`: each index is given once, so keep may write its own slot without a lock.
using KeepJudged = std::function<void(std::size_t index, JudgedFile file)>;

// Each of `files` read and judged on judgement_day (--as-of, else today in its client's time
// zone), in parallel, each given to `keep`. Whatever throws (reading, judging, keeping) becomes
// that plan's one error, given to `keep` again; the other plans are not stopped.
void judge_files(const Invocation& invocation, const std::vector<std::string>& files,
                 const KeepJudged& keep);

// The same, keeping every plan whole, in the order of `files`.
std::vector<JudgedFile> judge_files(const Invocation& invocation,
                                    const std::vector<std::string>& files);

} // namespace remedy
