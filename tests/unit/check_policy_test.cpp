#include "remedy/model/check_policy.h"

#include <doctest/doctest.h>

using namespace remedy;

TEST_SUITE("check_policy") {
    TEST_CASE("--fail-on takes at-risk, terminate and never") {
        CHECK(fail_on_lines.parse("at-risk") == FailOn::at_risk);
        CHECK(fail_on_lines.parse("terminate") == FailOn::terminate);
        CHECK(fail_on_lines.parse("never") == FailOn::never);
        CHECK_FALSE(fail_on_lines.parse("").has_value());
        CHECK_FALSE(fail_on_lines.parse("sometimes").has_value());
        CHECK(name(FailOn::at_risk) == "at-risk");
        CHECK(name(FailOn::terminate) == "terminate");
        CHECK(name(FailOn::never) == "never");
    }

    TEST_CASE("failing on at-risk fails at-risk and terminate plans only") {
        CHECK_FALSE(check_fails(Verdict::on_track, FailOn::at_risk));
        CHECK_FALSE(check_fails(Verdict::remediated, FailOn::at_risk));
        CHECK(check_fails(Verdict::at_risk, FailOn::at_risk));
        CHECK(check_fails(Verdict::terminate, FailOn::at_risk));
    }

    TEST_CASE("failing on terminate fails terminate plans only") {
        CHECK_FALSE(check_fails(Verdict::on_track, FailOn::terminate));
        CHECK_FALSE(check_fails(Verdict::remediated, FailOn::terminate));
        CHECK_FALSE(check_fails(Verdict::at_risk, FailOn::terminate));
        CHECK(check_fails(Verdict::terminate, FailOn::terminate));
    }

    TEST_CASE("failing on never passes every plan") {
        CHECK_FALSE(check_fails(Verdict::on_track, FailOn::never));
        CHECK_FALSE(check_fails(Verdict::remediated, FailOn::never));
        CHECK_FALSE(check_fails(Verdict::at_risk, FailOn::never));
        CHECK_FALSE(check_fails(Verdict::terminate, FailOn::never));
    }

    TEST_CASE("a remediated plan is no worse than an on-track one") {
        CHECK(severity(Verdict::on_track) == 0);
        CHECK(severity(Verdict::remediated) == 0);
        CHECK(severity(Verdict::at_risk) == 1);
        CHECK(severity(Verdict::terminate) == 2);
    }
}
