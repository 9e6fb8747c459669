// The model's share of a run: a plan is read once, then its rules are checked and it is judged
// RUNS times, and the median time of one check and judgement is printed in microseconds, with
// a digest of the figures so that nothing is optimised away. What a pause or a credit costs the
// model, apart from the TOML parser, whose cost grows with the text (docs/performance.md).
// usage: judge_time PLAN AS_OF RUNS
#include "remedy/io/plan_reader.h"
#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"
#include "remedy/model/plan_rules.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

// Every value read without error: the plan was read without one, so every rule applies.
remedy::ReadCompleteness all_read(const remedy::Plan& plan) {
    remedy::ReadCompleteness complete;
    complete.timebox_start = complete.deadline = complete.penalties = true;
    remedy::ReadCompleteness::Issue issue;
    issue.id = issue.priority = issue.due = issue.status = issue.resolved = issue.waived = true;
    complete.issues.assign(plan.issues.size(), issue);
    complete.incidents.assign(plan.incidents.size(), {true});
    complete.pauses.assign(plan.pauses.size(), {true});
    complete.credits.assign(plan.credits.size(), {true});
    return complete;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fputs("usage: judge_time PLAN AS_OF RUNS\n", stderr);
        return 2;
    }
    const remedy::LoadResult loaded = remedy::load_plan_file(argv[1]);
    const remedy::Expected<date::sys_days> as_of = remedy::parse_iso_date(argv[2]);
    const int runs = std::atoi(argv[3]);
    if (!loaded.plan || !as_of || runs < 1) {
        std::fputs("judge_time: the plan does not read, or AS_OF or RUNS is wrong\n", stderr);
        return 3;
    }
    const remedy::Plan& plan = *loaded.plan;
    const remedy::ReadCompleteness complete = all_read(plan);
    std::vector<double> micros;
    long long digest = 0;
    for (int run = 0; run < runs; ++run) {
        const auto began = std::chrono::steady_clock::now();
        remedy::Diagnostics diagnostics;
        remedy::check_plan_rules(plan, complete, diagnostics);
        const remedy::Judgement judgement = remedy::judge(plan, *as_of);
        const auto took = std::chrono::steady_clock::now() - began;
        micros.push_back(std::chrono::duration<double, std::micro>(took).count());
        digest += judgement.penalties.owed.minor + static_cast<long long>(diagnostics.size());
    }
    std::sort(micros.begin(), micros.end());
    std::printf("%.0f us median of %d (digest %lld)\n", micros[micros.size() / 2], runs, digest);
    return 0;
}
