#include "remedy/model/recent_changes.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

using Indexes = std::vector<std::size_t>;

// A week of history, judged from 2026-10-11 (excluded) to 2026-10-18 (included); the warning
// went out on 2026-10-15.
const char* const busy_week = R"(
[client]
name = "Northwind Traders"

[provider]
name = "Acme Managed IT"

[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "100.00"
high = "50.00"

[ultimatum]
issued = 2026-10-15

[[issue]]  # 0: resolved inside the window
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-10
status = "resolved"
resolved = 2026-10-14

[[issue]]  # 1: due 2026-10-12, so overdue on as_of and not yet on since
id = "APP-7"
title = "ERP client crashes on login"
priority = "high"
due = 2026-10-12

[[issue]]  # 2: resolved after as_of
id = "DESK-3"
title = "Printer queue stalls"
priority = "medium"
due = 2026-10-20
status = "resolved"
resolved = 2026-10-25

[[issue]]  # 3: resolved on since itself
id = "DESK-4"
title = "Shared drive full"
priority = "low"
due = 2026-10-05
status = "resolved"
resolved = 2026-10-11

[[issue]]  # 4: resolved on as_of itself
id = "DESK-5"
title = "Wi-Fi in meeting room B"
priority = "low"
due = 2026-10-16
status = "resolved"
resolved = 2026-10-18

[[issue]]  # 5: overdue on both days
id = "DESK-6"
title = "Backup report missing"
priority = "low"
due = 2026-10-08

[[incident]]  # 0: on since itself
date = 2026-10-11
priority = "high"
summary = "Email down for an hour"

[[incident]]  # 1: in the window, below the severity
date = 2026-10-13
priority = "low"
summary = "Slow file share"

[[incident]]  # 2: in the window, before the warning
date = 2026-10-14
priority = "critical"
summary = "Core switch rebooted"

[[incident]]  # 3: on as_of itself, after the warning: a strike
date = 2026-10-18
priority = "high"
summary = "Email down for six hours"

[[incident]]  # 4: after as_of
date = 2026-10-19
priority = "critical"
summary = "Firewall down"
)";

} // namespace

TEST_SUITE("recent_changes") {
    TEST_CASE("issues resolved after since and up to as_of are the ones resolved in the window") {
        const Plan plan = load(busy_week);
        const RecentChanges changes =
            changes_since(plan, judge(plan, day(2026, 10, 18)), day(2026, 10, 11));
        CHECK(changes.since == day(2026, 10, 11));
        CHECK(changes.resolved == Indexes{0, 4});
    }

    TEST_CASE("an issue overdue on as_of and not on since became overdue") {
        const Plan plan = load(busy_week);
        const RecentChanges changes =
            changes_since(plan, judge(plan, day(2026, 10, 18)), day(2026, 10, 11));
        CHECK(changes.became_overdue == Indexes{1});
    }

    TEST_CASE("what is owed is given on since and on as_of") {
        const Plan plan = load(busy_week);
        const RecentChanges changes =
            changes_since(plan, judge(plan, day(2026, 10, 18)), day(2026, 10, 11));
        // On 2026-10-11: NET-1 1 day x 100.00. On 2026-10-18: NET-1 resolved after 4 days
        // (400.00) and APP-7 6 days x 50.00 (300.00).
        CHECK(changes.owed_before.minor == 10000);
        CHECK(changes.owed_now.minor == 70000);
    }

    TEST_CASE("incidents after since and up to as_of are in the window, the strikes marked") {
        const Plan plan = load(busy_week);
        const RecentChanges changes =
            changes_since(plan, judge(plan, day(2026, 10, 18)), day(2026, 10, 11));
        CHECK(changes.incidents == Indexes{1, 2, 3});
        CHECK(changes.new_strikes == Indexes{3});
    }

    TEST_CASE("a verdict that changed in the window is reported with the one before") {
        const Plan plan = load(busy_week);
        const Judgement now = judge(plan, day(2026, 10, 18));
        const RecentChanges changes = changes_since(plan, now, day(2026, 10, 11));
        CHECK(now.verdict == Verdict::terminate);
        CHECK(changes.verdict_changed);
        CHECK(changes.verdict_before == Verdict::at_risk);
    }

    TEST_CASE("a quiet week reports no change") {
        const Plan plan = load(R"(
[client]
name = "Northwind Traders"

[provider]
name = "Acme Managed IT"

[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "100.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-11-15

[[incident]]
date = 2026-10-05
priority = "critical"
summary = "Core switch rebooted"
)");
        const Judgement now = judge(plan, day(2026, 10, 25));
        const RecentChanges changes = changes_since(plan, now, day(2026, 10, 18));
        CHECK(changes.resolved.empty());
        CHECK(changes.became_overdue.empty());
        CHECK(changes.incidents.empty());
        CHECK(changes.new_strikes.empty());
        CHECK(changes.owed_before.minor == 0);
        CHECK(changes.owed_now.minor == 0);
        CHECK_FALSE(changes.verdict_changed);
        CHECK(changes.verdict_before == Verdict::terminate); // the strike of 2026-10-05
    }

    TEST_CASE("owed grows by the late days of the window") {
        const Plan plan = load(R"(
[client]
name = "Northwind Traders"

[provider]
name = "Acme Managed IT"

[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "500.00"

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)");
        // 2026-10-18: 3 days; 2026-10-25: 10 days. The week added 7 x 500.00.
        const RecentChanges changes =
            changes_since(plan, judge(plan, day(2026, 10, 25)), day(2026, 10, 18));
        CHECK(changes.owed_before.minor == 150000);
        CHECK(changes.owed_now.minor == 500000);
        CHECK(changes.became_overdue.empty()); // already overdue on 2026-10-18
        CHECK_FALSE(changes.verdict_changed);
        CHECK(changes.verdict_before == Verdict::at_risk);
    }
}
