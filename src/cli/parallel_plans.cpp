#include "parallel_plans.h"

#include <algorithm>
#include <atomic>
#include <fmt/format.h>
#include <system_error>
#include <thread>

namespace remedy {

std::vector<std::exception_ptr> run_in_parallel(std::size_t count,
                                                const std::function<void(std::size_t)>& job) {
    std::vector<std::exception_ptr> failures(count);
    // hardware_concurrency may answer 0 when it cannot tell.
    const std::size_t threads =
        std::min<std::size_t>(count, std::max(1U, std::thread::hardware_concurrency()));
    // Each thread takes the next job until none is left: a slow plan holds up one thread only.
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            try {
                job(i);
            } catch (...) {
                failures[i] = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads > 0 ? threads - 1 : 0);
    for (std::size_t t = 1; t < threads; ++t) {
        try {
            pool.emplace_back(work);
        } catch (const std::system_error&) {
            break; // no more threads to be had: those started, and this one, do every job
        }
    }
    work(); // this thread is one of the pool
    for (std::thread& thread : pool)
        thread.join();
    return failures;
}

namespace {

std::string what_of(const std::exception_ptr& failure) {
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception& error) {
        return error.what();
    } catch (...) {
        return "an unknown error";
    }
}

} // namespace

void judge_files(const Invocation& invocation, const std::vector<std::string>& files,
                 const KeepJudged& keep) {
    const std::vector<std::exception_ptr> failures =
        run_in_parallel(files.size(), [&](std::size_t i) {
            JudgedFile result{files[i], std::nullopt, {}};
            Expected<LoadedPlan, CommandError> loaded = load_plan_at(files[i]);
            if (!loaded) {
                result.diagnostics = std::move(loaded.error().diagnostics);
                keep(i, std::move(result));
                return;
            }
            result.diagnostics = loaded->diagnostics;
            const date::sys_days day = judgement_day(invocation, loaded->plan);
            Judgement judgement = judge(loaded->plan, day);
            result.judged = JudgedPlan{std::move(*loaded), std::move(judgement)};
            keep(i, std::move(result));
        });
    for (std::size_t i = 0; i < files.size(); ++i)
        if (failures[i])
            keep(i, JudgedFile{files[i],
                               std::nullopt,
                               {{Severity::error,
                                 files[i],
                                 {},
                                 fmt::format("cannot judge the plan: {}", what_of(failures[i]))}}});
}

std::vector<JudgedFile> judge_files(const Invocation& invocation,
                                    const std::vector<std::string>& files) {
    std::vector<JudgedFile> results(files.size());
    judge_files(invocation, files,
                [&](std::size_t i, JudgedFile file) { results[i] = std::move(file); });
    return results;
}

} // namespace remedy
