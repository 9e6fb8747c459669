// SPEC.md "Charges have days", "Total", "Credits" and "Owed by month": a per-day charge falls on
// its late day, a per-miss charge on the day the issue was missed; accrued(m) per calendar month;
// a plan cap used up in month order, a month cap on each month; the months from timebox.start's
// to as_of's; credits dated on or before as_of, the balance, and the credits refused. Every
// expected figure is worked out by hand from SPEC.md; weekdays: Fri 10-30, Sat 10-31,
// Sun 11-01, Mon 11-02; the time box from 2026-10-01 has 60 days: D = Mon 2026-11-30.
// SPEC.md words no refusal: their wording is remedy's own; their place (line:col) and every
// figure in them are worked out by hand.

#include "remedy/io/plan_reader.h"
#include "remedy/model/judgement.h"
#include "remedy/model/statement_months.h"
#include "remedy/render/statement.h"
#include "test_support.h"

#include <cstdint>
#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;
using remedy_test::parties;

namespace {

// The time box from `start` (60 days) and the [penalties] lines `penalties`.
std::string plan_from(std::string_view start, std::string_view penalties) {
    return parties + "\n[timebox]\nstart = " + std::string(start) + "\n" + std::string(penalties) +
           "\n";
}

// Critical: `rate` a late day; `more` adds lines to [penalties] (cap, cap_per, grace_days ...).
std::string priced(std::string_view more = "", std::string_view rate = "500.00") {
    return plan_from("2026-10-01", "\n[penalties]\n" + std::string(more) +
                                       "\n[penalties.per_day]\ncritical = \"" + std::string(rate) +
                                       "\"\n");
}

// An issue of the given priority due on `due` (YYYY-MM-DD); status lines may follow.
std::string issue(std::string_view id, std::string_view priority, std::string_view due) {
    return "\n[[issue]]\nid = \"" + std::string(id) + "\"\ntitle = \"Issue " + std::string(id) +
           "\"\npriority = \"" + std::string(priority) + "\"\ndue = " + std::string(due) + "\n";
}

std::string net1(std::string_view due) {
    return issue("NET-1", "critical", due);
}

std::string credit(std::string_view date, std::string_view amount, std::string_view invoice) {
    return "\n[[credit]]\ndate = " + std::string(date) + "\namount = \"" + std::string(amount) +
           "\"\ninvoice = \"" + std::string(invoice) + "\"\n";
}

// Each month as "YYYY-MM accrued/owed/credited" in cents: of the judgement (MonthMoney) or of a
// statement (StatementMonth).
template <class Months> std::vector<std::string> rows_of(const Months& months) {
    std::vector<std::string> rows;
    for (const auto& m : months) {
        const unsigned month = static_cast<unsigned>(m.month.month());
        rows.push_back(std::to_string(static_cast<int>(m.month.year())) + "-" +
                       (month < 10 ? "0" : "") + std::to_string(month) + " " +
                       std::to_string(m.accrued.minor) + "/" + std::to_string(m.owed.minor) + "/" +
                       std::to_string(m.credited.minor));
    }
    return rows;
}

std::vector<std::string> months_of(const Judgement& j) {
    return rows_of(j.penalties.months);
}

// The same rows as a statement lists them: every month from the start's to as_of's.
std::vector<std::string> statement_rows(const Plan& plan, const Judgement& j) {
    return rows_of(statement_months(plan, j));
}

std::int64_t owed_of_months(const Judgement& j) {
    std::int64_t sum = 0;
    for (const MonthMoney& m : j.penalties.months)
        sum += m.owed.minor;
    return sum;
}

std::vector<std::string> diagnostics_of(std::string_view text) {
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : read_plan(text, "remedy.toml").diagnostics)
        lines.push_back(to_string(diagnostic));
    return lines;
}

// Lines 1-8: the parties, the time box and 500.00 a critical late day; lines 9-13: NET-1, due
// 2026-10-25. What the test writes starts on line 14. Owed on a day X in Oct/Nov: 500.00 for
// each day of 10-26..X.
std::string from_line_14(std::string_view rest) {
    return "[client]\n"
           "name = \"Northwind Traders\"\n"
           "[provider]\n"
           "name = \"Acme Managed IT\"\n"
           "[timebox]\n"
           "start = 2026-10-01\n"
           "[penalties.per_day]\n"
           "critical = \"500.00\"\n"
           "[[issue]]\n"
           "id = \"NET-1\"\n"
           "title = \"VPN drops at the branch office\"\n"
           "priority = \"critical\"\n"
           "due = 2026-10-25\n" +
           std::string(rest);
}

using Rows = std::vector<std::string>;
using Lines = std::vector<std::string>;

} // namespace

TEST_SUITE("money by month") {
    TEST_CASE("per-day charges fall on their late days, split across a month boundary") {
        const Judgement j = judge(load(priced() + net1("2026-10-28")), day(2026, 11, 3));
        // Oct: 10-29, 30, 31 = 3 x 500.00; Nov: 11-01, 02, 03 = 3 x 500.00
        CHECK(months_of(j) == Rows{"2026-10 150000/150000/0", "2026-11 150000/150000/0"});
        CHECK(j.penalties.total.minor == 300000);
        CHECK(j.penalties.owed.minor == 300000);
        CHECK_FALSE(j.penalties.cap.has_value());
        CHECK_FALSE(j.penalties.cap_reached);
        CHECK(j.penalties.balance.minor == 300000);
    }

    TEST_CASE("a per-miss charge falls in the month the issue was missed") {
        const std::string missed = plan_from("2026-10-01", R"(
[penalties.per_day]
critical = "500.00"

[penalties.per_miss]
critical = "1000.00"
)");
        // Due 10-31: missed on 11-01 with its first late day; Oct holds nothing.
        const Judgement november = judge(load(missed + net1("2026-10-31")), day(2026, 11, 2));
        CHECK(months_of(november) ==
              Rows{"2026-10 0/0/0", "2026-11 200000/200000/0"}); // 1000.00 + 2 x 500.00

        // Due 10-29: missed on 10-30; Oct 1000.00 + 10-30, 31; Nov 11-01, 02.
        const Judgement october = judge(load(missed + net1("2026-10-29")), day(2026, 11, 2));
        CHECK(months_of(october) == Rows{"2026-10 200000/200000/0", "2026-11 100000/100000/0"});
        CHECK(october.penalties.total.minor == 300000);

        // Working-day penalties, due Fri 10-30: Sat 10-31 and Sun 11-01 are not counted, so the
        // miss falls on Mon 11-02, in November.
        const std::string working = plan_from("2026-10-01", R"(
[calendar]

[penalties]
days = "working"

[penalties.per_day]
critical = "500.00"

[penalties.per_miss]
critical = "1000.00"
)");
        const Judgement weekend = judge(load(working + net1("2026-10-30")), day(2026, 11, 3));
        CHECK(weekend.issues[0].penalty.missed_on == day(2026, 11, 2));
        // Nov: 1000.00 + 11-02, 11-03 = 2 x 500.00
        CHECK(months_of(weekend) == Rows{"2026-10 0/0/0", "2026-11 200000/200000/0"});
    }

    TEST_CASE("a plan cap used up in the first month leaves the later months owing 0.00") {
        // Due 10-25, as_of 11-03: Oct 10-26..31 = 6 x 500.00 = 3000.00; Nov 3 x 500.00 = 1500.00.
        const Judgement j =
            judge(load(priced("cap = \"2000.00\"\n") + net1("2026-10-25")), day(2026, 11, 3));
        CHECK(j.penalties.total.minor == 450000);
        CHECK(j.penalties.owed.minor == 200000); // min(4500.00, 2000.00)
        CHECK(j.penalties.cap_per == CapPer::plan);
        CHECK(j.penalties.cap_reached);
        CHECK(months_of(j) == Rows{"2026-10 300000/200000/0", "2026-11 150000/0/0"});
        CHECK(owed_of_months(j) == j.penalties.owed.minor);

        // Cap 4000.00: Oct owes its 3000.00, Nov what is left, 1000.00.
        const Judgement split =
            judge(load(priced("cap = \"4000.00\"\n") + net1("2026-10-25")), day(2026, 11, 3));
        CHECK(split.penalties.owed.minor == 400000);
        CHECK(months_of(split) == Rows{"2026-10 300000/300000/0", "2026-11 150000/100000/0"});
        CHECK(owed_of_months(split) == split.penalties.owed.minor);
    }

    TEST_CASE("a month cap limits each month's charges on their own") {
        const Judgement j =
            judge(load(priced("cap = \"2000.00\"\ncap_per = \"month\"\n") + net1("2026-10-25")),
                  day(2026, 11, 3));
        CHECK(j.penalties.cap_per == CapPer::month);
        CHECK(j.penalties.total.minor == 450000);
        // Oct min(3000.00, 2000.00) + Nov min(1500.00, 2000.00)
        CHECK(j.penalties.owed.minor == 350000);
        CHECK(j.penalties.cap_reached); // Oct 3000.00 >= 2000.00
        CHECK(months_of(j) == Rows{"2026-10 300000/200000/0", "2026-11 150000/150000/0"});
        CHECK(owed_of_months(j) == j.penalties.owed.minor);
    }

    TEST_CASE("a month cap is reached by some month reaching it, not by the total") {
        const std::string issue_text = net1("2026-10-25");
        // Cap 3500.00 a month: total 4500.00 >= 3500.00, but Oct 3000.00 and Nov 1500.00 are not.
        const Judgement under =
            judge(load(priced("cap = \"3500.00\"\ncap_per = \"month\"\n") + issue_text),
                  day(2026, 11, 3));
        CHECK_FALSE(under.penalties.cap_reached);
        CHECK(under.penalties.owed.minor == 450000);

        // Cap 3000.00 a month: Oct's 3000.00 reaches it exactly.
        const Judgement exact =
            judge(load(priced("cap = \"3000.00\"\ncap_per = \"month\"\n") + issue_text),
                  day(2026, 11, 3));
        CHECK(exact.penalties.cap_reached);
        CHECK(exact.penalties.owed.minor == 450000); // 3000.00 + 1500.00
    }

    TEST_CASE("terminate_at_cap with a month cap ends it the day a month reaches the cap") {
        const Plan plan = load(priced("cap = \"3000.00\"\ncap_per = \"month\"\n"
                                      "terminate_at_cap = true\n") +
                               net1("2026-10-25"));
        const Judgement before = judge(plan, day(2026, 10, 30)); // Oct 10-26..30 = 2500.00
        CHECK_FALSE(before.penalties.cap_reached);
        CHECK(before.verdict == Verdict::at_risk);
        const Judgement reached = judge(plan, day(2026, 10, 31)); // Oct 3000.00
        CHECK(reached.penalties.cap_reached);
        CHECK(reached.verdict == Verdict::terminate);

        // Cap 3500.00 a month: Oct stops at 3000.00; Nov reaches 3500.00 on its 7th day.
        const Plan higher = load(priced("cap = \"3500.00\"\ncap_per = \"month\"\n"
                                        "terminate_at_cap = true\n") +
                                 net1("2026-10-25"));
        const Judgement nov6 = judge(higher, day(2026, 11, 6)); // total 6000.00, Nov 3000.00
        CHECK(nov6.penalties.total.minor == 600000);
        CHECK_FALSE(nov6.penalties.cap_reached);
        CHECK(nov6.verdict == Verdict::at_risk);
        CHECK(judge(higher, day(2026, 11, 7)).verdict == Verdict::terminate);
    }

    TEST_CASE("the months run from December into January across a year end") {
        // Start 2026-11-15 + 60 days: D = 2027-01-14. Due 12-29: late 12-30, 12-31, 01-01, 01-02.
        const Plan plan =
            load(plan_from("2026-11-15", "\n[penalties.per_day]\ncritical = \"100.00\"\n") +
                 net1("2026-12-29"));
        const Judgement j = judge(plan, day(2027, 1, 2));
        CHECK(j.deadline == day(2027, 1, 14));
        CHECK(months_of(j) ==
              Rows{"2026-11 0/0/0", "2026-12 20000/20000/0", "2027-01 20000/20000/0"});
        CHECK(j.penalties.total.minor == 40000);
        CHECK(owed_of_months(j) == j.penalties.owed.minor);
    }

    TEST_CASE("the months run from the start's month up to the last with a charge or a credit, "
              "months without money between them included") {
        // Nothing late on 11-20 (due 11-25): October alone, 0.00. The judgement and the
        // statement hold the start's month; (v3) a month after the last charge or credit is
        // not listed.
        const Plan quiet_plan = load(priced() + net1("2026-11-25"));
        const Judgement quiet = judge(quiet_plan, day(2026, 11, 20));
        CHECK(months_of(quiet) == Rows{"2026-10 0/0/0"});
        CHECK(statement_rows(quiet_plan, quiet) == Rows{"2026-10 0/0/0"});

        // Start 2026-11-15, due 2027-01-05: late 01-06, 01-07; December holds nothing.
        const Judgement gap =
            judge(load(plan_from("2026-11-15", "\n[penalties.per_day]\ncritical = \"100.00\"\n") +
                       net1("2027-01-05")),
                  day(2027, 1, 7));
        CHECK(months_of(gap) == Rows{"2026-11 0/0/0", "2026-12 0/0/0", "2027-01 20000/20000/0"});
    }

    TEST_CASE("the months' owed add up to owed, with a month after the deadline that accrues "
              "nothing") {
        // Due 10-29, as_of 12-02: Oct 10-30, 31 = 1000.00; Nov 30 x 500.00 = 15000.00; Dec none
        // (accrual stops at D 11-30). Plan cap 10000.00: Oct 1000.00, Nov 9000.00, Dec 0.00.
        const Plan plan = load(priced("cap = \"10000.00\"\n") + net1("2026-10-29"));
        const Judgement j = judge(plan, day(2026, 12, 2));
        CHECK(j.penalties.total.minor == 1600000);
        CHECK(j.penalties.owed.minor == 1000000);
        CHECK(months_of(j) == Rows{"2026-10 100000/100000/0", "2026-11 1500000/900000/0"});
        // (v3) December holds no charge and no credit: the statement stops at November.
        CHECK(statement_rows(plan, j) ==
              Rows{"2026-10 100000/100000/0", "2026-11 1500000/900000/0"});
        CHECK(owed_of_months(j) == j.penalties.owed.minor);
    }

    TEST_CASE("judged on 9999-12-31, the statement stops at the last month with money") {
        // The same charges as above: October and November, then 96,000 empty months to as_of,
        // which are not listed (they were: a 14.7 MB report).
        const Plan plan = load(priced("cap = \"10000.00\"\n") + net1("2026-10-29"));
        const Judgement j = judge(plan, day(9999, 12, 31));
        CHECK(statement_rows(plan, j) ==
              Rows{"2026-10 100000/100000/0", "2026-11 1500000/900000/0"});
    }

    TEST_CASE("a month after the last with money carries the balance forward") {
        // Due 10-29: Oct 1000.00, Nov 15000.00 (accrual stops at D 11-30), cap 10000.00: owed
        // 10000.00; 3000.00 credited in November. On 2027-03-10 the statement of February 2027
        // asks for the 7000.00 outstanding, all of it carried from earlier months.
        const Plan plan = load(priced("cap = \"10000.00\"\n") + net1("2026-10-29") +
                               credit("2026-11-20", "3000.00", "INV-2026-11"));
        const Judgement j = judge(plan, day(2027, 3, 10));
        const StatementMonth february = statement_month(plan, j, date::year{2027} / 2);
        CHECK(february.accrued.minor == 0);
        CHECK(february.owed.minor == 0);
        CHECK(february.credited.minor == 0);
        CHECK(february.balance.minor == 700000);
        CHECK(february.carried.minor == 700000);
        CHECK(february.capped);
        CHECK(statement_rows(plan, j).size() == 2); // October and November only
    }

    TEST_CASE("credited counts the credits dated on or before as_of, in their months") {
        // Owed on X = 500.00 x days of 10-26..X: 10-31 3000.00, 11-04 5000.00, 11-05 5500.00.
        const Plan plan =
            load(priced() + net1("2026-10-25") + credit("2026-10-31", "1000.00", "INV-2026-10") +
                 credit("2026-11-05", "2500.00", "INV-2026-11"));

        const Judgement october = judge(plan, day(2026, 10, 30)); // owed 5 x 500.00
        CHECK(october.penalties.credited.minor == 0);
        CHECK(october.penalties.balance.minor == 250000);

        const Judgement first = judge(plan, day(2026, 11, 4));
        CHECK(first.penalties.owed.minor == 500000);
        CHECK(first.penalties.credited.minor == 100000);
        CHECK(first.penalties.balance.minor == 400000); // 5000.00 - 1000.00
        CHECK(months_of(first) == Rows{"2026-10 300000/300000/100000", "2026-11 200000/200000/0"});

        const Judgement both = judge(plan, day(2026, 11, 5));
        CHECK(both.penalties.owed.minor == 550000);
        CHECK(both.penalties.credited.minor == 350000);
        CHECK(both.penalties.balance.minor == 200000); // 5500.00 - 3500.00
        CHECK(months_of(both) ==
              Rows{"2026-10 300000/300000/100000", "2026-11 250000/250000/250000"});
    }

    TEST_CASE("the balance goes negative when a pause agreed later lowers what is owed") {
        // Credit 3000.00 on 11-05, when 5500.00 was owed. The pause 10-20..10-31 (12 days, before
        // due 10-25) agreed on 11-10 moves E to 11-06: late 11-07..11-10 = 4 x 500.00.
        const Plan plan =
            load(priced() + net1("2026-10-25") + credit("2026-11-05", "3000.00", "INV-2026-10") +
                 "\n[[pause]]\nfrom = 2026-10-20\nto = 2026-10-31\n"
                 "reason = \"Client change freeze for the audit\"\n"
                 "agreed = 2026-11-10\n");
        const Judgement before = judge(plan, day(2026, 11, 9)); // 10-26..11-09 = 15 days
        CHECK(before.penalties.owed.minor == 750000);
        CHECK(before.penalties.balance.minor == 450000); // 7500.00 - 3000.00

        const Judgement after = judge(plan, day(2026, 11, 10));
        CHECK(after.issues[0].dates.effective_due == day(2026, 11, 6));
        CHECK(after.penalties.owed.minor == 200000);
        CHECK(after.penalties.credited.minor == 300000);
        CHECK(after.penalties.balance.minor == -100000); // 2000.00 - 3000.00
        CHECK(months_of(after) == Rows{"2026-10 0/0/0", "2026-11 200000/200000/300000"});
    }

    TEST_CASE("a credit up to what was owed on its own date is accepted") {
        // Owed on 11-05: 10-26..11-05 = 11 x 500.00 = 5500.00.
        const Plan plan = load(from_line_14(credit("2026-11-05", "5500.00", "INV-2026-10")));
        const Judgement j = judge(plan, day(2026, 11, 5));
        CHECK(j.penalties.credited.minor == 550000);
        CHECK(j.penalties.balance.minor == 0);
    }

    TEST_CASE("a credit above what was owed on its own date is refused at its amount") {
        // Owed on 11-05: 5500.00. The amount is on line 16, its value from column 10.
        CHECK(
            diagnostics_of(from_line_14("[[credit]]\n"
                                        "date = 2026-11-05\n"
                                        "amount = \"5500.01\"\n"
                                        "invoice = \"INV-2026-10\"\n")) ==
            Lines{
                "remedy.toml:16:10: error: the credit of 5,500.01 USD on 2026-11-05 (INV-2026-10) "
                "takes the credits to 5,500.01 USD, more than the 5,500.00 USD owed that day"});

        // Judged on its own date, 10-27 (10-26, 27 = 1000.00), though 5500.00 is owed by 11-05.
        CHECK(
            diagnostics_of(from_line_14("[[credit]]\n"
                                        "date = 2026-10-27\n"
                                        "amount = \"1500.00\"\n"
                                        "invoice = \"INV-2026-10\"\n")) ==
            Lines{
                "remedy.toml:16:10: error: the credit of 1,500.00 USD on 2026-10-27 (INV-2026-10) "
                "takes the credits to 1,500.00 USD, more than the 1,000.00 USD owed that day"});

        // Nothing owed yet on 10-20.
        CHECK(diagnostics_of(from_line_14("[[credit]]\n"
                                          "date = 2026-10-20\n"
                                          "amount = \"1.00\"\n"
                                          "invoice = \"INV-2026-10\"\n")) ==
              Lines{"remedy.toml:16:10: error: the credit of 1.00 USD on 2026-10-20 (INV-2026-10) "
                    "takes the credits to 1.00 USD, more than the 0.00 USD owed that day"});
    }

    TEST_CASE("credits add up: the one that takes credited above what was owed is refused") {
        // 11-01: 2000.00 of the 3500.00 owed (10-26..11-01 = 7 days); 11-05: 2000.00 + 3500.01 =
        // 5500.01 > 5500.00. The second credit's amount is on line 20 (written first: line 16).
        CHECK(
            diagnostics_of(from_line_14("[[credit]]\n"
                                        "date = 2026-11-01\n"
                                        "amount = \"2000.00\"\n"
                                        "invoice = \"INV-2026-10\"\n"
                                        "[[credit]]\n"
                                        "date = 2026-11-05\n"
                                        "amount = \"3500.01\"\n"
                                        "invoice = \"INV-2026-11\"\n")) ==
            Lines{
                "remedy.toml:20:10: error: the credit of 3,500.01 USD on 2026-11-05 (INV-2026-11) "
                "takes the credits to 5,500.01 USD, more than the 5,500.00 USD owed that day"});

        // In date order, not file order: the 11-05 credit is written first.
        CHECK(
            diagnostics_of(from_line_14("[[credit]]\n"
                                        "date = 2026-11-05\n"
                                        "amount = \"3500.01\"\n"
                                        "invoice = \"INV-2026-11\"\n"
                                        "[[credit]]\n"
                                        "date = 2026-11-01\n"
                                        "amount = \"2000.00\"\n"
                                        "invoice = \"INV-2026-10\"\n")) ==
            Lines{
                "remedy.toml:16:10: error: the credit of 3,500.01 USD on 2026-11-05 (INV-2026-11) "
                "takes the credits to 5,500.01 USD, more than the 5,500.00 USD owed that day"});
    }

    TEST_CASE("a credit dated before the time box starts is refused at its date") {
        CHECK(diagnostics_of(from_line_14("[[credit]]\n"
                                          "date = 2026-09-30\n"
                                          "amount = \"100.00\"\n"
                                          "invoice = \"INV-2026-09\"\n")) ==
              Lines{"remedy.toml:15:8: error: the credit of 2026-09-30 is before the time box "
                    "starts on 2026-10-01"});
    }

    TEST_CASE("a credit of 0 is refused at its amount") {
        CHECK(diagnostics_of(from_line_14("[[credit]]\n"
                                          "date = 2026-11-05\n"
                                          "amount = \"0.00\"\n"
                                          "invoice = \"INV-2026-10\"\n")) ==
              Lines{"remedy.toml:16:10: error: credit.amount must be more than zero"});
        CHECK(diagnostics_of(from_line_14("[[credit]]\n"
                                          "date = 2026-11-05\n"
                                          "amount = 0\n"
                                          "invoice = \"INV-2026-10\"\n")) ==
              Lines{"remedy.toml:16:10: error: credit.amount must be more than zero"});
    }
}
