#include "parallel_plans.h"

#include <algorithm>
#include <condition_variable>
#include <fmt/format.h>
#include <system_error>
#include <thread>

namespace remedy {

namespace {

// Every thread of the pool joined on every way out, a throwing `produce` included: a
// std::thread destroyed while it runs ends the program.
class JoinedThreads {
public:
    JoinedThreads() = default;
    JoinedThreads(const JoinedThreads&) = delete;
    JoinedThreads& operator=(const JoinedThreads&) = delete;
    ~JoinedThreads() { join(); }

    // False when no more threads are to be had; those started, and this one, then do the work.
    template <class Work> bool start(Work& work) {
        try {
            threads_.emplace_back(std::ref(work));
            return true;
        } catch (const std::system_error&) {
            return false;
        }
    }
    void join() {
        for (std::thread& thread : threads_)
            if (thread.joinable())
                thread.join();
    }

private:
    std::vector<std::thread> threads_;
};

} // namespace

std::vector<std::exception_ptr>
run_as_offered(const Produce& produce,
               const std::function<void(std::size_t, const std::string&)>& job) {
    std::mutex mutex;
    std::condition_variable offered;
    // Guarded by `mutex`:
    std::vector<std::string> items;
    std::size_t next = 0;
    bool all_offered = false;
    std::vector<std::pair<std::size_t, std::exception_ptr>> failed;

    // Each thread takes the next item until none is left and none will come: a slow plan holds
    // up one thread only.
    const auto work = [&] {
        std::unique_lock lock(mutex);
        for (;;) {
            offered.wait(lock, [&] { return next < items.size() || all_offered; });
            if (next == items.size())
                return;
            const std::size_t index = next++;
            const std::string item = items[index];
            lock.unlock();
            try {
                job(index, item);
            } catch (...) {
                lock.lock();
                failed.emplace_back(index, std::current_exception());
                continue;
            }
            lock.lock();
        }
    };
    const auto finish_offering = [&] {
        {
            const std::lock_guard lock(mutex);
            all_offered = true;
        }
        offered.notify_all();
    };

    JoinedThreads pool;
    // hardware_concurrency may answer 0 when it cannot tell. While this thread searches, the
    // others judge; then it judges too.
    const unsigned threads = std::max(1U, std::thread::hardware_concurrency());
    for (unsigned t = 1; t < threads && pool.start(work); ++t) {
    }
    try {
        produce([&](std::string item) {
            {
                const std::lock_guard lock(mutex);
                items.push_back(std::move(item));
            }
            offered.notify_one();
        });
    } catch (...) {
        finish_offering();
        throw; // the pool is joined on the way out
    }
    finish_offering();
    work();
    pool.join();

    std::vector<std::exception_ptr> failures(items.size());
    for (auto& [index, failure] : failed)
        failures[index] = std::move(failure);
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

void judge_offered(const Invocation& invocation, const Produce& find,
                   const std::function<void(std::size_t index, JudgedFile file)>& keep) {
    std::vector<std::string> files; // only this thread touches it, after the pool is done
    const std::vector<std::exception_ptr> failures = run_as_offered(
        [&](const Offer& offer) {
            find([&](std::string file) {
                files.push_back(file);
                offer(std::move(file));
            });
        },
        [&](std::size_t index, const std::string& file) {
            JudgedFile result{file, std::nullopt, {}};
            Expected<LoadedPlan, CommandError> loaded = load_plan_at(file);
            if (!loaded) {
                result.diagnostics = std::move(loaded.error().diagnostics);
                keep(index, std::move(result));
                return;
            }
            result.diagnostics = loaded->diagnostics;
            const date::sys_days day = judgement_day(invocation, loaded->plan);
            Judgement judgement = judge(loaded->plan, day);
            result.judged = JudgedPlan{std::move(*loaded), std::move(judgement)};
            keep(index, std::move(result));
        });
    for (std::size_t i = 0; i < failures.size(); ++i)
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
    return judge_offered<JudgedFile>(
        invocation,
        [&](const Offer& offer) {
            for (const std::string& file : files)
                offer(file);
        },
        [](JudgedFile file) { return file; });
}

} // namespace remedy
