// The letters' rule sentences, records of changes, closings and refusals, on inline plans whose
// figures are worked out by hand in the comments.

#include "remedy/model/judgement.h"
#include "remedy/model/letter_facts.h"
#include "remedy/render/letter_fields.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <optional>
#include <string>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

// Start 2026-10-01 + 30 days: the deadline is 2026-10-31. A-1 is due 10-10, A-2 10-20; a high
// issue owes 100.00 a late day and 50.00 once; no grace. The final warning is of 2026-10-10.
std::string plan_text(const std::string& more = "", const std::string& a1 = "",
                      const std::string& contract = "") {
    return R"(
[client]
name = "Northwind Traders"
contact = "Alex Kim <alex@northwind.example>"

[provider]
name = "Acme Managed IT"
contact = "Pat Doe <pat@acme-it.example>"

[contract]
reference = "MSA-1"
)" + contract +
           R"(
[timebox]
start = 2026-10-01
days = 30

[penalties.per_day]
high = "100.00"

[penalties.per_miss]
high = "50.00"

[ultimatum]
issued = 2026-10-10
strikes = 1
severity = "high"

[[issue]]
id = "A-1"
title = "Firewall"
priority = "high"
due = 2026-10-10
)" + a1 + R"(
[[issue]]
id = "A-2"
title = "Backups"
priority = "high"
due = 2026-10-20
)" + more;
}

struct Letter {
    Judgement judgement;
    LetterFacts facts;
    std::map<std::string, std::string> fields;
};

Letter letter(const Plan& plan, date::sys_days as_of,
              std::optional<date::sys_days> since = std::nullopt) {
    Letter out{judge(plan, as_of), {}, {}};
    out.facts = gather_letter_facts(plan, out.judgement, since, std::nullopt);
    out.fields = letter_fields(plan, out.judgement, out.facts);
    return out;
}

std::string refusal(LetterKind kind, const Plan& plan, date::sys_days as_of,
                    std::optional<date::sys_days> since = std::nullopt) {
    const Letter l = letter(plan, as_of, since);
    return letter_refusal(kind, plan, l.judgement, l.facts).value_or(LetterRefusal{}).why;
}

// Whether the refusal of `kind` on as_of may be overridden by forcing.
bool forcible(LetterKind kind, const Plan& plan, date::sys_days as_of) {
    const Letter l = letter(plan, as_of);
    return letter_refusal(kind, plan, l.judgement, l.facts).value_or(LetterRefusal{}).forcible;
}

std::string why_of(const std::optional<LetterRefusal>& refused) {
    return refused ? refused->why : std::string();
}

} // namespace

TEST_SUITE("letters") {
    TEST_CASE("the strike rule names the warning's day with after, and before it claims nothing") {
        const Plan plan = load(plan_text());
        // Before the warning is given, neither its terms nor its date.
        CHECK(letter(plan, day(2026, 10, 9)).fields.at("strike_rule") ==
              "No final warning has been given: no incident counts against the remediation.");
        CHECK(letter(plan, day(2026, 10, 9)).fields.at("warning_date") ==
              "(no final warning has been given)");
        CHECK(letter(plan, day(2026, 10, 10)).fields.at("strike_rule") ==
              "After 2026-10-10 and until 2026-10-31, one incident of priority high or higher "
              "entitles Northwind Traders to terminate the contract MSA-1.");
        // The general form is the same on every day, before the warning too.
        CHECK(letter(plan, day(2026, 10, 10)).fields.at("strike_terms") ==
              "After 2026-10-10 and until 2026-10-31, one incident of priority high or higher "
              "entitles Northwind Traders to terminate the contract MSA-1.");
        // Before the warning, the letter does not know its terms (they are a later fact).
        CHECK(letter(plan, day(2026, 10, 2)).fields.at("strike_terms") ==
              "Incidents are recorded from now on; none counts against the remediation before a "
              "final warning.");
        CHECK(letter(plan, day(2026, 11, 2)).fields.at("strike_rule") ==
              "The ultimatum's window closed on 2026-10-31: a later incident does not count "
              "against it.");
    }

    TEST_CASE("an incident on the warning's day is not a strike; the day after, it is") {
        const Plan plan = load(plan_text(R"(
[[incident]]
date = 2026-10-10
priority = "high"
summary = "Mail down"

[[incident]]
date = 2026-10-11
priority = "critical"
summary = "Outage"
status = "disputed"
dispute = "A power cut"
)"));
        const Letter l = letter(plan, day(2026, 10, 12));
        CHECK(l.fields.at("incidents_this_week") ==
              "- 2026-10-10, high: Mail down (not a strike: not after the warning of "
              "2026-10-10)\n"
              "- 2026-10-11, critical: Outage (strike 1 of 1; disputed by Acme Managed IT: A "
              "power cut)");
        CHECK(l.fields.at("strike_rule") ==
              "The incidents after 2026-10-10 reached the ultimatum's limit of 1.");
    }

    TEST_CASE("the money breakdown: late days x rate, the per-miss charge, adding up to owed") {
        // On 10-18, A-1 is late 10-11..10-18: 8 x 100.00 = 800.00, + 50.00 = 850.00.
        const Plan plan = load(plan_text());
        CHECK(letter(plan, day(2026, 10, 18)).fields.at("money_breakdown") ==
              "- A-1 (high): 8 late days x 100.00 = 800.00 and 50.00 for the missed date: "
              "850.00 USD\n\nA late day is a calendar day charged after the due date, up to the "
              "deadline.\n\nTotal: 850.00 USD. Owed: 850.00 USD.");
        CHECK(letter(plan, day(2026, 10, 18)).fields.at("required") ==
              "- now (due 2026-10-10, 8 days overdue): A-1 (high), Firewall\n"
              "- by 2026-10-20: A-2 (high), Backups\n"
              "- by 2026-10-31 at the latest: every issue (the deadline)");
    }

    TEST_CASE("a changes letter records an extension: the deadline it moved") {
        const Plan plan = load(plan_text(R"(
[[timebox.extension]]
days = 10
agreed = 2026-10-15
reason = "Parts late"
)"));
        const Letter l = letter(plan, day(2026, 10, 18), day(2026, 10, 11));
        CHECK(l.fields.at("agreed_changes") ==
              "- An extension of the time box by 10 days, agreed on 2026-10-15: Parts late. The "
              "deadline moves from 2026-10-31 to 2026-11-10. The period in which incidents count "
              "under the final warning ends on 2026-11-10 too.");
        CHECK(l.fields.at("record") ==
              "our notice of 2026-10-01, our final warning of 2026-10-10 and the changes agreed "
              "on 2026-10-15");
        // Not in the week after it: nothing to record.
        CHECK(refusal(LetterKind::changes, plan, day(2026, 10, 25), day(2026, 10, 18)) ==
              "no extension, pause or waiver took effect after 2026-10-18 and by 2026-10-25: "
              "there is no change to record");
    }

    TEST_CASE("a changes letter records a pause: the due date it moved and the money it took") {
        // The pause 10-05..10-07 (3 days) moves A-1 to 10-13. On 10-18 A-1 is late 10-14..10-18:
        // 5 x 100.00 + 50.00 = 550.00 instead of 850.00: 300.00 no longer owed.
        const Plan plan = load(plan_text(R"(
[[pause]]
from = 2026-10-05
to = 2026-10-07
issues = ["A-1"]
reason = "Freeze"
agreed = 2026-10-16
)"));
        const Letter l = letter(plan, day(2026, 10, 18), day(2026, 10, 11));
        CHECK(l.fields.at("agreed_changes") ==
              "- A pause of A-1 from 2026-10-05 to 2026-10-07 (3 calendar days), agreed on "
              "2026-10-16: Freeze. "
              "A-1 is now due 2026-10-13 (was 2026-10-10). 300.00 USD is no longer owed.");
        // Before it was agreed, there was nothing to record.
        CHECK_FALSE(
            refusal(LetterKind::changes, plan, day(2026, 10, 15), day(2026, 10, 8)).empty());
    }

    TEST_CASE("a changes letter records a waiver; it calls nothing no longer owed that was owed") {
        // Waived from 10-15: A-1 owes its late days 10-11..10-15, 5 x 100.00 + 50.00 = 550.00,
        // not 850.00 on 10-18. But on 10-15, the day it took effect, the plan owed 550.00 with
        // it and without it: the 300.00 of 10-16..10-18 was never owed under it, and the letter
        // does not call it "no longer owed".
        const Plan plan =
            load(plan_text("", "status = \"waived\"\nwaived = 2026-10-15\nwaiver = \"Out of "
                               "scope\"\n"));
        const Letter l = letter(plan, day(2026, 10, 18), day(2026, 10, 11));
        CHECK(l.fields.at("agreed_changes") ==
              "- A waiver of A-1 (high), from 2026-10-15: Out of scope.");
        CHECK(l.fields.at("waived") ==
              "- A-1 (high), waived from 2026-10-15 (Out of scope): Firewall");
    }

    TEST_CASE("a closing letter: the resolutions and how the money is settled") {
        // A-1 resolved 10-12: late 10-11, 10-12 = 200.00 + 50.00 = 250.00. A-2 in time.
        const std::string resolved = "status = \"resolved\"\nresolved = 2026-10-12\n";
        const std::string a2_resolved = R"(status = "resolved"
resolved = 2026-10-19
)";
        const auto closing = [&](const std::string& contract, const std::string& more) {
            const std::string text = plan_text("", resolved, contract) + a2_resolved + more;
            const Plan plan = load(text);
            const Letter l = letter(plan, day(2026, 10, 20));
            CHECK(l.judgement.verdict == Verdict::remediated);
            CHECK(letter_refusal(LetterKind::closing, plan, l.judgement, l.facts) == std::nullopt);
            return l.fields;
        };
        const auto with = closing("settlement = \"credited against the next invoice\"\n", "");
        CHECK(with.at("settlement") == "The balance of 250.00 USD is to be settled as the contract "
                                       "provides: credited against the next invoice.");
        CHECK(with.at("resolutions") ==
              "- A-1 (high): resolved on 2026-10-12 (2 days after its due date 2026-10-10): "
              "Firewall\n"
              "- A-2 (high): resolved on 2026-10-19 (due 2026-10-20): Backups");
        const auto without = closing("", "");
        CHECK(without.at("settlement") ==
              "The balance of 250.00 USD is still to be settled: please tell us in writing how "
              "and when you will settle it.");
        const auto credited = closing("", R"(
[[credit]]
date = 2026-10-20
amount = "250.00"
invoice = "INV-10"
)");
        CHECK(credited.at("settlement") == "The 250.00 USD owed has been credited in full.");
    }

    TEST_CASE("the refusals, each with its reason") {
        const Plan plan = load(plan_text());
        CHECK(refusal(LetterKind::closing, plan, day(2026, 10, 18)) ==
              "the verdict on 2026-10-18 is at-risk, not remediated: no closing letter is "
              "written");
        CHECK(refusal(LetterKind::termination, plan, day(2026, 10, 18)) ==
              "the verdict on 2026-10-18 is at-risk, not terminate: no notice of termination is "
              "written");
        // Forcing writes a termination, never a closing letter.
        CHECK(forcible(LetterKind::termination, plan, day(2026, 10, 18)));
        CHECK(!forcible(LetterKind::closing, plan, day(2026, 10, 18)));
        CHECK(refusal(LetterKind::ultimatum, plan, day(2026, 10, 9)) ==
              "the final warning is dated 2026-10-10 (ultimatum.issued): write it on that day "
              "(--as-of 2026-10-10)");
        CHECK(refusal(LetterKind::ultimatum, plan, day(2026, 10, 10)).empty());
        CHECK(refusal(LetterKind::ultimatum, plan, day(2026, 10, 31)).empty());
        CHECK(refusal(LetterKind::ultimatum, plan, day(2026, 11, 1)) ==
              "the time box ended on 2026-10-31: no final warning is written after it; send "
              "the termination");
        CHECK(refusal(LetterKind::weekly, plan, day(2026, 10, 18)).empty());

        Letter l = letter(plan, day(2026, 10, 18));
        l.facts.forced = true;
        CHECK(why_of(letter_refusal(LetterKind::termination, plan, l.judgement, l.facts)) ==
              "a forced notice of termination needs --reason TEXT: it is the letter's ground");
        l.facts.reason = "Our own ground";
        CHECK(letter_refusal(LetterKind::termination, plan, l.judgement, l.facts) == std::nullopt);
        // The forced letter's only ground is the reason given.
        CHECK(letter_fields(plan, l.judgement, l.facts).at("grounds") == "- Our own ground");

        std::string placeholder = plan_text();
        placeholder.replace(placeholder.find("Pat Doe <pat@acme-it.example>"),
                            std::string("Pat Doe <pat@acme-it.example>").size(),
                            "Account Manager <manager@provider.example>");
        CHECK(refusal(LetterKind::weekly, load(placeholder), day(2026, 10, 18)) ==
              "remedy.toml still has the contact `remedy init` wrote (Account Manager "
              "<manager@provider.example>): fill in client.contact and provider.contact before "
              "a letter goes out");
    }

    TEST_CASE("a statement: for a month that ended and owes something, unless forced") {
        // On 11-05, October owes A-1's 21 late days (10-11..10-31) x 100.00 + 50.00 = 2,150.00
        // and A-2's 11 (10-21..10-31) x 100.00 + 50.00 = 1,150.00: 3,300.00.
        const Plan plan = load(plan_text());
        const Judgement j = judge(plan, day(2026, 11, 5));
        LetterFacts facts =
            gather_letter_facts(plan, j, std::nullopt, date::year{2026} / date::October);
        CHECK(letter_refusal(LetterKind::statement, plan, j, facts) == std::nullopt);
        const auto fields = letter_fields(plan, j, facts);
        CHECK(fields.at("month_accrued") == "3,300.00 USD");
        CHECK(fields.at("month_owed") == "3,300.00 USD");
        CHECK(fields.at("month_charges") ==
              "- A-1 (high): 21 late days x 100.00 and 50.00 for the missed date: 2,150.00 USD\n"
              "- A-2 (high): 11 late days x 100.00 and 50.00 for the missed date: 1,150.00 USD");
        facts.month = date::year{2026} / date::November;
        CHECK(letter_refusal(LetterKind::statement, plan, j, facts).value().forcible);
        CHECK(why_of(letter_refusal(LetterKind::statement, plan, j, facts)) ==
              "2026-11 has not ended on 2026-11-05: its statement is written after it");
        facts.month = date::year{2026} / date::September;
        CHECK(why_of(letter_refusal(LetterKind::statement, plan, j, facts)) ==
              "2026-09 owes nothing and nothing is outstanding at its end: there is no credit to "
              "state");
        facts.month_forced = true;
        CHECK(letter_refusal(LetterKind::statement, plan, j, facts) == std::nullopt);
    }
}
