#pragma once

#include "plan_access.h"

#include <exception>
#include <functional>
#include <mutex>
#include <optional>

namespace remedy {

// How work is handed to the pool: `produce` calls `offer` once for each item.
using Offer = std::function<void(std::string item)>;
using Produce = std::function<void(const Offer& offer)>;

// Runs job(index, item) for every item `produce` offers, `index` counting them from 0 in the
// order offered, on a small pool of threads: as many as the machine has cores, at least one,
// and no more than there are items (a thread is started as each item after the first comes).
// The jobs start while `produce` still runs on this thread, so that finding the work (a search
// of folders) and doing it overlap; when it returns, this thread takes jobs too. A job that
// throws does not stop the others: the result is one exception_ptr per item, null for each job
// that returned.
std::vector<std::exception_ptr>
run_as_offered(const Produce& produce,
               const std::function<void(std::size_t, const std::string&)>& job);

// One plan of a command that judges several: read and judged on its day, or why it was not.
struct JudgedFile {
    std::string file;
    std::optional<JudgedPlan> judged; // absent when the plan is unreadable or invalid
    // Every error and warning found in the file; when reading or judging it threw (a bug, or
    // memory ran out), one error that says so, without a place.
    Diagnostics diagnostics;
};

// Each plan file `find` offers, read and judged on judgement_day (--as-of, else today in its
// client's time zone) while the others are, and given to keep(index, file), `index` counting
// the plans in the order offered. keep runs on the thread that judged the plan, so that only
// what a command keeps is held (a portfolio keeps a row, not a thousand plans), and so on
// several threads at once. Whatever throws (reading, judging, keeping) becomes that plan's one
// error, given to `keep` again once every plan is judged; the other plans are not stopped.
void judge_offered(const Invocation& invocation, const Produce& find,
                   const std::function<void(std::size_t index, JudgedFile file)>& keep);

// The same, with what keep(file) makes of each plan returned in the order offered.
template <class Kept>
std::vector<Kept> judge_offered(const Invocation& invocation, const Produce& find,
                                const std::function<Kept(JudgedFile file)>& keep) {
    std::mutex mutex;
    std::vector<std::optional<Kept>> kept; // grows as plans are offered, hence the lock
    judge_offered(invocation, find, [&](std::size_t index, JudgedFile file) {
        Kept made = keep(std::move(file));
        const std::lock_guard lock(mutex);
        if (kept.size() <= index)
            kept.resize(index + 1);
        kept[index] = std::move(made);
    });
    std::vector<Kept> in_order;
    in_order.reserve(kept.size());
    for (std::optional<Kept>& made : kept)
        in_order.push_back(std::move(*made)); // every index offered was kept
    return in_order;
}

} // namespace remedy
