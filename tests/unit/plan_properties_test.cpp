// Properties that must hold for every plan, checked over generated plans on every day from
// before the time box to well after anything in the plan can change.

#include "plan_generator.h"
#include "remedy/io/plan_reader.h"
#include "remedy/model/judgement.h"
#include "remedy/render/judgement_words.h"
#include "test_support.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

using namespace remedy;

namespace {

constexpr int plan_count = 300;
constexpr std::uint64_t seed = 20261128;

// Everything a judgement says, in a form that does not depend on where an issue or incident
// stands in the file: issues by id, reasons as a sorted list.
struct Figures {
    Verdict verdict = Verdict::on_track;
    date::sys_days deadline;
    Money total;
    Money owed;
    bool cap_reached = false;
    std::size_t strikes = 0;
    std::map<std::string, std::tuple<IssueStatus, bool, int, std::int64_t>> issues;
    std::vector<std::pair<ReasonKind, std::string>> reasons;

    bool operator==(const Figures&) const = default;
};

Figures figures_of(const Plan& plan, const Judgement& j) {
    Figures f;
    f.verdict = j.verdict;
    f.deadline = j.deadline;
    f.total = j.penalties.total;
    f.owed = j.penalties.owed;
    f.cap_reached = j.penalties.cap_reached;
    f.strikes = j.strikes.size();
    for (std::size_t i = 0; i < plan.issues.size(); ++i) {
        const IssueJudgement& issue = j.issues[i];
        f.issues[plan.issues[i].id] = {issue.state, issue.overdue, issue.days_overdue,
                                       issue.penalty.subtotal.minor};
    }
    for (const Reason& reason : j.reasons)
        f.reasons.emplace_back(reason.kind, reason_text(plan, j, reason));
    std::sort(f.reasons.begin(), f.reasons.end());
    return f;
}

std::string describe(const Figures& f) {
    std::string out = fmt::format("verdict {} total {} owed {} strikes {}\n", name(f.verdict),
                                  f.total.minor, f.owed.minor, f.strikes);
    for (const auto& [kind, text] : f.reasons)
        out += "  " + text + "\n";
    return out;
}

Plan load_generated(const std::string& text) {
    const LoadResult loaded = read_plan(text, "generated.toml");
    INFO(text);
    INFO(remedy_test::diagnostics_text(loaded));
    REQUIRE(loaded.plan.has_value());
    return *loaded.plan;
}

// Calls `check(n, plan, day, judgement)` for every generated plan (the n-th) and every day from
// three days before its time box to its last interesting day; with Pauses::left_out, only for
// the plans without a pause.
enum class Pauses { included, left_out };
template <class Check> void for_each_plan_and_day(Check check, Pauses pauses = Pauses::included) {
    remedy_test::PlanGenerator generator(seed);
    for (int n = 0; n < plan_count; ++n) {
        const remedy_test::PlanGenerator::Parts parts = generator.plan();
        if (pauses == Pauses::left_out && !parts.pauses.empty())
            continue;
        const Plan plan = load_generated(parts.text());
        for (date::sys_days day = parts.start - date::days{3}; day <= parts.last_interesting_day;
             day += date::days{1})
            check(n, plan, day, judge(plan, day));
    }
}

// Facts dated after `day`, added to a plan: an incident, a pause agreed the day after (covering
// earlier days too), an extension agreed the day after, and a waiver from the day after of its
// first open issue. Each only where the plan's rules allow it.
std::string with_facts_after(const remedy_test::PlanGenerator::Parts& parts, date::sys_days day) {
    const date::sys_days next = std::max(parts.start, day + date::days{1});
    const date::sys_days deadline = parts.start + date::days{parts.span};
    std::vector<std::string> issues = parts.issues;
    std::string extra = fmt::format("[[incident]]\ndate = {}\npriority = \"critical\"\n"
                                    "summary = \"recorded later\"\n",
                                    format_iso_date(next));
    if (next <= deadline) {
        const date::sys_days from = std::max(parts.start, day - date::days{5});
        extra += fmt::format("[[pause]]\nfrom = {}\nto = {}\nreason = \"agreed later\"\n"
                             "agreed = {}\n",
                             format_iso_date(from), format_iso_date(from + date::days{3}),
                             format_iso_date(next));
        const auto open = std::find(parts.open.begin(), parts.open.end(), true);
        if (open != parts.open.end())
            issues[static_cast<std::size_t>(open - parts.open.begin())] += fmt::format(
                "status = \"waived\"\nwaived = {}\nwaiver = \"later\"\n", format_iso_date(next));
    }
    std::string head = parts.head;
    // An extension is agreed on or before the deadline it extends; the generator's own are all
    // agreed by start + days.
    if (next <= parts.start + date::days{parts.days}) {
        const std::string extension =
            fmt::format("[[timebox.extension]]\ndays = 7\nagreed = {}\nreason = \"later\"\n",
                        format_iso_date(next));
        const std::size_t timebox_end = head.find("\n[", head.find("[timebox]") + 1);
        head.insert(timebox_end == std::string::npos ? head.size() : timebox_end + 1, extension);
    }
    remedy_test::PlanGenerator::Parts changed = parts;
    changed.head = head;
    return changed.text_in_order(issues, parts.incidents) + extra;
}

} // namespace

TEST_SUITE("plan properties") {
    TEST_CASE("penalties never decrease as as_of moves forward") {
        int checked = 0;
        int previous_plan = -1;
        std::optional<Judgement> previous;
        for_each_plan_and_day(
            [&](int n, const Plan& plan, date::sys_days day, const Judgement& j) {
                if (n == previous_plan) {
                    INFO(format_iso_date(plan.timebox.start), " as of ", format_iso_date(day));
                    CHECK(j.penalties.total >= previous->penalties.total);
                    CHECK(j.penalties.owed >= previous->penalties.owed);
                    for (std::size_t i = 0; i < j.issues.size(); ++i)
                        CHECK(j.issues[i].penalty.subtotal >= previous->issues[i].penalty.subtotal);
                    ++checked;
                }
                previous_plan = n;
                previous = j;
            },
            Pauses::left_out);
        CHECK(checked > plan_count * 20);
    }

    TEST_CASE("a report of a past day never changes when facts dated after it are added") {
        remedy_test::PlanGenerator generator(seed);
        int compared = 0;
        for (int n = 0; n < plan_count; ++n) {
            const auto parts = generator.plan();
            const Plan plan = load_generated(parts.text());
            // A few days of each plan: before it starts, inside it, on and after the deadline.
            for (long offset : {-1L, 0L, 5L, static_cast<long>(parts.days) / 2,
                                static_cast<long>(parts.span), parts.span + 3L}) {
                const date::sys_days day = parts.start + date::days{offset};
                const std::string later = with_facts_after(parts, day);
                const Plan extended = load_generated(later);
                const Figures before = figures_of(plan, judge(plan, day));
                const Figures after = figures_of(extended, judge(extended, day));
                ++compared;
                if (before == after)
                    continue;
                INFO(later);
                INFO("as of ", format_iso_date(day), "\n", describe(before), "with later facts:\n",
                     describe(after));
                CHECK(before == after);
            }
        }
        CHECK(compared == plan_count * 6);
    }

    TEST_CASE("owed never exceeds the cap, and is the total below it") {
        int capped = 0;
        for_each_plan_and_day([&](int, const Plan& plan, date::sys_days day, const Judgement& j) {
            INFO(format_iso_date(day));
            if (plan.penalties.cap) {
                ++capped;
                CHECK(j.penalties.owed <= plan.penalties.cap->money);
                CHECK(j.penalties.owed == std::min(j.penalties.total, plan.penalties.cap->money));
            } else {
                CHECK(j.penalties.owed == j.penalties.total);
            }
        });
        CHECK(capped > 0);
    }

    // Without pauses: a pause agreed later may excuse the days that reached a cap.
    TEST_CASE("terminate never turns back into another verdict as as_of moves forward") {
        int terminated = 0;
        remedy_test::PlanGenerator generator(seed);
        for (int n = 0; n < plan_count; ++n) {
            const auto parts = generator.plan();
            if (!parts.pauses.empty())
                continue;
            const Plan plan = load_generated(parts.text());
            std::optional<date::sys_days> first_terminate;
            for (date::sys_days day = parts.start - date::days{3};
                 day <= parts.last_interesting_day; day += date::days{1}) {
                const Judgement j = judge(plan, day);
                if (first_terminate) {
                    INFO(parts.text());
                    INFO("terminate on ", format_iso_date(*first_terminate), ", not on ",
                         format_iso_date(day));
                    CHECK(j.verdict == Verdict::terminate);
                } else if (j.verdict == Verdict::terminate) {
                    first_terminate = day;
                    ++terminated;
                }
            }
        }
        // The generator must reach the verdict often for the property to mean anything.
        CHECK(terminated > plan_count / 5);
    }

    TEST_CASE("judging a plan does not depend on the order of its issues and incidents") {
        remedy_test::PlanGenerator generator(seed);
        int reordered = 0;
        for (int n = 0; n < plan_count; ++n) {
            const auto parts = generator.plan();
            const Plan plan = load_generated(parts.text());
            const Plan other = load_generated(parts.text_in_order(
                generator.shuffled(parts.issues), generator.shuffled(parts.incidents)));
            reordered += parts.issues.size() > 1 || parts.incidents.size() > 1;
            for (date::sys_days day = parts.start - date::days{3};
                 day <= parts.last_interesting_day; day += date::days{1}) {
                const Figures a = figures_of(plan, judge(plan, day));
                const Figures b = figures_of(other, judge(other, day));
                if (a == b)
                    continue;
                INFO(parts.text());
                INFO("as of ", format_iso_date(day), "\n", describe(a), "reordered:\n",
                     describe(b));
                CHECK(a == b);
                break;
            }
        }
        CHECK(reordered > plan_count / 2);
    }
}
