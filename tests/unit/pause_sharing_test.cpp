// The paused days of an issue are the pauses of every issue (held once, shared) joined with its
// own; every question about them must give what the merged ranges give. Random ranges, checked
// against a DaySet of the two sets merged.

#include "remedy/model/pauses.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <random>
#include <vector>

using namespace remedy;

namespace {

std::vector<DayRange> random_ranges(std::mt19937_64& random, date::sys_days start, int count) {
    std::vector<DayRange> ranges;
    for (int k = 0; k < count; ++k) {
        const date::sys_days first = start + date::days{static_cast<int>(random() % 120)};
        ranges.push_back({first, first + date::days{static_cast<int>(random() % 6)}});
    }
    return ranges;
}

} // namespace

TEST_CASE("shared and own pauses answer as their merged ranges do") {
    const Plan plan; // no calendar: every day a working day
    Calendar calendar;
    calendar.present = true;
    calendar.weekend[0] = calendar.weekend[6] = true;
    const date::sys_days start = remedy_test::day(2026, 10, 1);
    std::mt19937_64 random(20261206);
    for (const Calendar* days : {&plan.calendar, static_cast<const Calendar*>(&calendar)}) {
        const WorkingDays working(*days);
        for (int trial = 0; trial < 300; ++trial) {
            const std::vector<DayRange> shared_ranges =
                random_ranges(random, start, static_cast<int>(random() % 8));
            const std::vector<DayRange> own_ranges =
                random_ranges(random, start, static_cast<int>(random() % 5));
            const DaySet shared(shared_ranges, working);
            const PausedDays paused(&shared, DaySet(own_ranges, working));
            std::vector<DayRange> all = shared_ranges;
            all.insert(all.end(), own_ranges.begin(), own_ranges.end());
            const DaySet merged(all, working);
            REQUIRE(paused.ranges() == merged.ranges());
            CHECK(paused.total() == merged.total());
            for (int a = -3; a < 130; a += 1 + static_cast<int>(random() % 4)) {
                const date::sys_days after = start + date::days{a};
                CHECK(paused.shifted(after) == merged.shifted(after));
                CHECK(paused.shifted_by_working_days(after) ==
                      merged.shifted_by_working_days(after));
                CHECK(paused.contains(after) == (merged.count(after - date::days{1}, after) > 0));
                for (int b = a; b < 135; b += 1 + static_cast<int>(random() % 9)) {
                    const date::sys_days last = start + date::days{b};
                    CHECK(paused.count(after, last) == merged.count(after, last));
                    CHECK(paused.count_working(after, last) == merged.count_working(after, last));
                }
            }
        }
    }
}

TEST_CASE("the pauses of every issue are held once, not copied into each issue") {
    // The finding: 8,000 issues and 8,000 pauses took 2.0 GB, each issue that a pause names
    // holding its own copy of every range of the pauses of every issue.
    std::string text = remedy_test::parties + "[timebox]\nstart = 2026-10-01\n";
    for (int i = 0; i < 4; ++i)
        text += "[[issue]]\nid = \"I-" + std::to_string(i) +
                "\"\ntitle = \"t\"\npriority = \"high\"\ndue = 2026-10-20\n";
    // Every issue: 10-02, 10-04, 10-06; I-1 alone: 10-08.
    for (const char* day : {"2026-10-02", "2026-10-04", "2026-10-06", "2026-10-08"})
        text += std::string("[[pause]]\nfrom = ") + day + "\nto = " + day + "\nreason = \"r\"\n" +
                (std::string(day) == "2026-10-08" ? "issues = [\"I-1\"]\n" : "");
    const Plan plan = remedy_test::load(text);
    const WorkingDays working(plan.calendar);
    const PauseIndex index(plan, remedy_test::day(2026, 10, 30), working);
    CHECK(index.shared().ranges().size() == 3);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(&index.of(i).shared() == &index.shared());
        CHECK(index.of(i).own().ranges().size() == (i == 1 ? 1U : 0U));
        CHECK(index.of(i).total() == (i == 1 ? 4 : 3));
    }
}
