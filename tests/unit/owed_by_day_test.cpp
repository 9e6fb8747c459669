// owed_on_days: what is owed on each of many days, swept, against judging the plan on each day.
// Generated plans with pauses of every issue and of one issue that overlap, agreed on several
// days, caps on the plan and on each month, working days, waivers and resolutions.

#include "plan_generator.h"
#include "remedy/io/plan_reader.h"
#include "remedy/model/judgement.h"
#include "remedy/model/owed_by_day.h"
#include "test_support.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <string>
#include <vector>

using namespace remedy;

namespace {

// The generator's plan, sometimes with a cap on each month, and with more pauses than it
// writes: of every issue and of one issue, overlapping, agreed on days of their own.
std::string with_more_pauses(remedy_test::PlanGenerator& generator,
                             const remedy_test::PlanGenerator::Parts& parts) {
    std::string text = parts.text();
    if (generator.chance(50)) {
        const std::size_t penalties = text.find("[penalties]\n");
        if (penalties != std::string::npos)
            text.insert(penalties + 12, "cap_per = \"month\"\n");
    }
    for (long k = generator.between(0, 6); k > 0; --k) {
        const date::sys_days from = parts.start + date::days{generator.between(0, parts.span)};
        // A pause ends by the deadline (start + span, or later when a calendar rolls it).
        const date::sys_days to = std::min(from + date::days{generator.between(0, 20)},
                                           parts.start + date::days{parts.span});
        text += fmt::format("[[pause]]\nfrom = {}\nto = {}\nreason = \"more\"\n",
                            format_iso_date(from), format_iso_date(to));
        if (!parts.issues.empty() && generator.chance(60))
            text += fmt::format("issues = [\"I-{}\"]\n",
                                generator.between(0, static_cast<long>(parts.issues.size()) - 1));
        const date::sys_days agreed = from + date::days{generator.between(0, 30)};
        if (agreed <= parts.start + date::days{parts.span})
            text += fmt::format("agreed = {}\n", format_iso_date(agreed));
    }
    return text;
}

} // namespace

TEST_CASE("owed_on_days gives what judging the plan on each day gives") {
    remedy_test::PlanGenerator generator(20261206);
    int plans = 0;
    for (int n = 0; n < 400; ++n) {
        const remedy_test::PlanGenerator::Parts parts = generator.plan();
        const std::string text = with_more_pauses(generator, parts);
        const LoadResult loaded = read_plan(text, "generated.toml");
        if (!loaded.plan)
            continue; // a pause the generator's dates make invalid: another plan
        ++plans;
        const Plan& plan = *loaded.plan;
        std::vector<date::sys_days> days;
        for (date::sys_days day = parts.start - date::days{3};
             day <= parts.last_interesting_day + date::days{40}; day += date::days{1})
            days.push_back(day);
        const std::vector<Money> swept = owed_on_days(plan, days);
        REQUIRE(swept.size() == days.size());
        for (std::size_t k = 0; k < days.size(); ++k) {
            INFO(text);
            INFO("judged on ", format_iso_date(days[k]));
            REQUIRE(swept[k].minor == judge(plan, days[k]).penalties.owed.minor);
        }
    }
    CHECK(plans > 300);
}

TEST_CASE("owed_on_days takes repeated days and days before the time box") {
    const Plan plan = remedy_test::load(remedy_test::parties + R"(
[timebox]
start = 2026-10-01

[penalties.per_day]
critical = "100.00"

[[issue]]
id = "A"
title = "A"
priority = "critical"
due = 2026-10-05
)");
    // Late from 10-06: on 10-08, three late days.
    const std::vector<Money> owed =
        owed_on_days(plan, {remedy_test::day(2026, 9, 1), remedy_test::day(2026, 10, 8),
                            remedy_test::day(2026, 10, 8), remedy_test::day(2026, 10, 9)});
    CHECK(owed[0].minor == 0);
    CHECK(owed[1].minor == 30000);
    CHECK(owed[2].minor == 30000);
    CHECK(owed[3].minor == 40000);
}
