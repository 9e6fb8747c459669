#include "remedy/model/check_policy.h"

#include <doctest/doctest.h>

using namespace remedy;

TEST_SUITE("check_policy") {
    TEST_CASE("--fail-on takes warning, at-risk, terminate and never") {
        CHECK(fail_on_lines.parse("warning") == FailOn::warning);
        CHECK(fail_on_lines.parse("at-risk") == FailOn::at_risk);
        CHECK(fail_on_lines.parse("terminate") == FailOn::terminate);
        CHECK(fail_on_lines.parse("never") == FailOn::never);
        CHECK_FALSE(fail_on_lines.parse("").has_value());
        CHECK_FALSE(fail_on_lines.parse("sometimes").has_value());
        CHECK(name(FailOn::at_risk) == "at-risk");
        CHECK(name(FailOn::terminate) == "terminate");
        CHECK(name(FailOn::never) == "never");
    }

    TEST_CASE("failing on warning fails any warning, and at-risk and terminate plans") {
        CHECK_FALSE(check_fails(Verdict::on_track, 0, FailOn::warning));
        CHECK(check_fails(Verdict::on_track, 1, FailOn::warning));
        CHECK(check_fails(Verdict::at_risk, 0, FailOn::warning));
        CHECK(check_fails(Verdict::terminate, 0, FailOn::warning));
        CHECK_FALSE(check_fails(Verdict::remediated, 0, FailOn::warning));
        // Warnings fail no other line.
        CHECK_FALSE(check_fails(Verdict::on_track, 3, FailOn::at_risk));
    }

    TEST_CASE("failing on at-risk fails at-risk and terminate plans only") {
        CHECK_FALSE(check_fails(Verdict::on_track, 0, FailOn::at_risk));
        CHECK_FALSE(check_fails(Verdict::remediated, 0, FailOn::at_risk));
        CHECK(check_fails(Verdict::at_risk, 0, FailOn::at_risk));
        CHECK(check_fails(Verdict::terminate, 0, FailOn::at_risk));
    }

    TEST_CASE("failing on terminate fails terminate plans only") {
        CHECK_FALSE(check_fails(Verdict::on_track, 0, FailOn::terminate));
        CHECK_FALSE(check_fails(Verdict::remediated, 0, FailOn::terminate));
        CHECK_FALSE(check_fails(Verdict::at_risk, 0, FailOn::terminate));
        CHECK(check_fails(Verdict::terminate, 0, FailOn::terminate));
    }

    TEST_CASE("failing on never passes every plan") {
        CHECK_FALSE(check_fails(Verdict::on_track, 0, FailOn::never));
        CHECK_FALSE(check_fails(Verdict::remediated, 0, FailOn::never));
        CHECK_FALSE(check_fails(Verdict::at_risk, 0, FailOn::never));
        CHECK_FALSE(check_fails(Verdict::terminate, 0, FailOn::never));
    }

    TEST_CASE("a remediated plan is no worse than an on-track one") {
        CHECK(severity(Verdict::on_track) == 0);
        CHECK(severity(Verdict::remediated) == 0);
        CHECK(severity(Verdict::at_risk) == 1);
        CHECK(severity(Verdict::terminate) == 2);
    }
}
