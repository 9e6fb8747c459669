#include "parallel_plans.h"

#include "remedy/io/usable_cpus.h"

#include <algorithm>
#include <condition_variable>
#include <fmt/format.h>
#include <mutex>
#include <thread>

namespace remedy {

namespace {

// The pool of one run_as_offered: the items offered so far, the next one to take, each one's
// failure, whether more may come, and the threads. `offer` and `end_offers` are called on the
// offering thread only; the rest of the state is guarded by `mutex_`.
class OfferedWork {
public:
    using Job = std::function<void(std::size_t, const std::string&)>;

    explicit OfferedWork(const Job& job)
        // The CPUs this process may run on (its affinity, its cgroup's quota), not the host's.
        : job_(job), cores_(usable_cpus()) {}
    OfferedWork(const OfferedWork&) = delete;
    OfferedWork& operator=(const OfferedWork&) = delete;
    // Whatever ends the run (a search that throws included), the offers end first, so that no
    // thread waits for one that will not come, and every thread is joined: a std::thread
    // destroyed while it runs ends the program.
    ~OfferedWork() {
        end_offers();
        join();
    }

    void offer(std::string item) {
        {
            const std::lock_guard lock(mutex_);
            items_.push_back(std::move(item));
            failures_.emplace_back();
        }
        offered_.notify_one();
        // One more thread for each item after the first, up to one a core with this one, which
        // takes items too once the offers end: one plan is judged on this thread alone, two on
        // two threads, a thousand on as many as there are cores.
        if (++offers_ > 1 && can_start_ && threads_.size() + 1 < cores_)
            start_thread();
    }

    void end_offers() {
        {
            const std::lock_guard lock(mutex_);
            all_offered_ = true;
        }
        offered_.notify_all();
    }

    // Takes the next item until none is left and none will come: a slow plan holds up one
    // thread only. A job that throws is that item's failure.
    void work() {
        std::unique_lock lock(mutex_);
        for (;;) {
            offered_.wait(lock, [&] { return next_ < items_.size() || all_offered_; });
            if (next_ == items_.size())
                return;
            const std::size_t index = next_++;
            try {
                const std::string item = items_[index]; // items_ may grow while the job runs
                lock.unlock();
                job_(index, item);
                lock.lock();
            } catch (...) {
                if (!lock.owns_lock())
                    lock.lock();
                failures_[index] = std::current_exception();
            }
        }
    }

    // Once every thread is done: each item's failure, null for each job that returned.
    std::vector<std::exception_ptr> failures() {
        join();
        return std::move(failures_);
    }

private:
    void start_thread() {
        try {
            threads_.emplace_back([this] { work(); });
        } catch (...) {
            can_start_ = false; // no more threads to be had: those started, and this one, do it
        }
    }

    void join() {
        for (std::thread& thread : threads_)
            if (thread.joinable())
                thread.join();
    }

    const Job& job_;
    const unsigned cores_;
    std::mutex mutex_;
    std::condition_variable offered_;
    std::vector<std::string> items_;
    std::vector<std::exception_ptr> failures_;
    std::size_t next_ = 0;
    bool all_offered_ = false;
    // Touched by the offering thread only.
    std::size_t offers_ = 0;
    bool can_start_ = true;
    std::vector<std::thread> threads_;
};

} // namespace

std::vector<std::exception_ptr>
run_as_offered(const Produce& produce,
               const std::function<void(std::size_t, const std::string&)>& job) {
    OfferedWork work(job);
    produce([&](std::string item) { work.offer(std::move(item)); });
    work.end_offers();
    work.work(); // this thread is one of the pool
    return work.failures();
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

} // namespace remedy
