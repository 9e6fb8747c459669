#include "remedy/edit/plan_edits.h"
#include "remedy/io/plan_reader.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <functional>
#include <string>
#include <string_view>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

// A plan kept by hand: comments, aligned and indented keys, single quotes. NET-1 is open,
// NET-2 resolved, SRV-1 waived and SRV-2 (the last table) in progress. The waivers the tests
// make are from 2026-10-20 (waive() below).
const std::string plan_text = R"(# Northwind and Acme, kept by hand.
[client]
name = "Northwind Traders"   # the client

[provider]
name = "Acme Managed IT"

[timebox]
start = 2026-10-01   # the notice went out

[[issue]]
  id       = "NET-1"
  title    = "VPN drops at the branch office"
  priority = "P1"
  due      = 2026-10-15   # agreed by phone
  category = "network"

[[issue]]
id = "NET-2"
title = "Guest Wi-Fi bridged onto the office VLAN"
priority = "high"
due = 2026-10-20
status = 'resolved'
resolved = 2026-10-18   # verified by our own scan
category = "network"

[[issue]]
id = "SRV-1"
title = "File server full"
priority = "medium"
due = 2026-10-25
status = "waived"
waived = 2026-10-19   # agreed on the phone
waiver = "Replaced by the new NAS"
category = "servers"

[[issue]]
id = "SRV-2"
title = "Backups fail on Sundays"
priority = "low"
due = 2026-10-30
status = "in_progress"   # a new agent is coming
category = "servers"
)";

// `text` with its one occurrence of `from` replaced by `to`; the test stops when `from` is not
// there exactly once, so that an expected text never comes from a guess.
std::string replace_once(std::string text, std::string_view from, std::string_view to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    return text.replace(at, from.size(), to);
}

// Every LF made CRLF.
std::string to_crlf(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

// `text` without its final line ending (LF or CRLF).
std::string without_final_newline(std::string text) {
    REQUIRE(text.ends_with('\n'));
    text.pop_back();
    if (text.ends_with('\r'))
        text.pop_back();
    return text;
}

// The change an edit makes to `text`, read as a plan first; the test stops when it is refused.
using Edit = std::function<Expected<PlanChange>(const Plan&, std::string_view)>;
PlanChange change(const std::string& text, const Edit& edit) {
    const Plan plan = load(text);
    Expected<PlanChange> changed = edit(plan, text);
    INFO((changed ? std::string() : changed.error()));
    REQUIRE(changed.ok());
    return *changed;
}

// Why an edit of `plan_text` was refused; empty when it was not.
std::string refusal(const Edit& edit) {
    const Plan plan = load(plan_text);
    const Expected<PlanChange> changed = edit(plan, plan_text);
    return changed ? std::string() : changed.error();
}

Edit resolve(std::string id, date::sys_days on) {
    return [=](const Plan& plan, std::string_view text) {
        return resolve_issue(plan, text, id, on, "");
    };
}

// Reopened on 2026-10-19, the day after NET-2's resolution: no day stood resolved in between.
Edit reopen(std::string id, date::sys_days on = remedy_test::day(2026, 10, 19),
            bool never_fixed = false) {
    return [=](const Plan& plan, std::string_view text) {
        return reopen_issue(plan, text, id, Reopening{on, "Dropped again", never_fixed, ""});
    };
}

Edit waive(std::string id, std::string reason) {
    return [=](const Plan& plan, std::string_view text) {
        return waive_issue(plan, text, id, reason, remedy_test::day(2026, 10, 20), "");
    };
}

} // namespace

TEST_SUITE("plan_edits") {
    TEST_CASE("resolving an open issue adds its status and date after its last key, indented") {
        const PlanChange changed = change(plan_text, resolve("NET-1", day(2026, 10, 19)));
        CHECK(changed.text == replace_once(plan_text, "  category = \"network\"\n",
                                           "  category = \"network\"\n"
                                           "  status = \"resolved\"\n"
                                           "  resolved = 2026-10-19\n"));
        CHECK(changed.summary == "NET-1 (critical) resolved on 2026-10-19");
    }

    TEST_CASE("resolving an issue in progress changes the status where it is, comment kept") {
        const PlanChange changed = change(plan_text, resolve("SRV-2", day(2026, 10, 28)));
        CHECK(changed.text == replace_once(plan_text,
                                           "status = \"in_progress\"   # a new agent is coming\n"
                                           "category = \"servers\"\n",
                                           "status = \"resolved\"   # a new agent is coming\n"
                                           "category = \"servers\"\n"
                                           "resolved = 2026-10-28\n"));
        CHECK(changed.summary == "SRV-2 (low) resolved on 2026-10-28");
    }

    TEST_CASE("reopening a resolved issue keeps its quotes, removes the date line whole and "
              "keeps the reason in its notes") {
        const PlanChange changed = change(plan_text, reopen("NET-2"));
        CHECK(changed.text == replace_once(plan_text,
                                           "status = 'resolved'\n"
                                           "resolved = 2026-10-18   # verified by our own scan\n"
                                           "category = \"network\"\n",
                                           "status = 'open'\n"
                                           "category = \"network\"\n"
                                           "notes = \"2026-10-19, reopened: Dropped again\"\n"));
        CHECK(changed.summary ==
              "NET-2 (high) reopened on 2026-10-19 (was resolved): Dropped again");
    }

    TEST_CASE("the days a reopened issue stood resolved become a pause of that issue") {
        // Resolved 2026-10-18, reopened 2026-10-25: it stood resolved 2026-10-19..24.
        const PlanChange changed = change(plan_text, reopen("NET-2", day(2026, 10, 25)));
        CHECK(changed.text ==
              replace_once(plan_text,
                           "status = 'resolved'\n"
                           "resolved = 2026-10-18   # verified by our own scan\n"
                           "category = \"network\"\n",
                           "status = 'open'\n"
                           "category = \"network\"\n"
                           "notes = \"2026-10-25, reopened: Dropped again\"\n") +
                  "\n[[pause]]\nfrom = 2026-10-19\nto = 2026-10-24\nissues = [\"NET-2\"]\n"
                  "reason = \"NET-2 stood resolved until reopened on 2026-10-25: Dropped again\"\n"
                  "reopened = 2026-10-25   # written by remedy reopen: paused while it stood "
                  "resolved\n");
        CHECK(changed.summary == "NET-2 (high) reopened on 2026-10-25 (was resolved): Dropped "
                                 "again; the days it stood resolved, 2026-10-19 to 2026-10-24, "
                                 "are paused");
        SUBCASE("unless it was never fixed") {
            const PlanChange never = change(plan_text, reopen("NET-2", day(2026, 10, 25), true));
            CHECK(never.text.find("[[pause]]") == std::string::npos);
        }
        SUBCASE("and it cannot be reopened before it was resolved") {
            CHECK(refusal(reopen("NET-2", day(2026, 10, 17))) ==
                  "--on 2026-10-17 is before NET-2 was resolved (2026-10-18)");
        }
    }

    TEST_CASE("reopening a waived issue sets it open and removes its date and waiver lines") {
        const PlanChange changed = change(plan_text, reopen("SRV-1"));
        CHECK(changed.text == replace_once(plan_text,
                                           "status = \"waived\"\n"
                                           "waived = 2026-10-19   # agreed on the phone\n"
                                           "waiver = \"Replaced by the new NAS\"\n"
                                           "category = \"servers\"\n",
                                           "status = \"open\"\n"
                                           "category = \"servers\"\n"
                                           "notes = \"2026-10-19, reopened: Dropped again\"\n"));
        CHECK(changed.summary ==
              "SRV-1 (medium) reopened on 2026-10-19 (was waived): Dropped again");
    }

    TEST_CASE("starting an open issue sets it in progress and keeps the evidence with the day") {
        const PlanChange changed = change(plan_text, [](const Plan& plan, std::string_view text) {
            return start_issue(plan, text, "net-1", day(2026, 10, 3), "Firmware, CW-48812");
        });
        CHECK(changed.text ==
              replace_once(plan_text, "  category = \"network\"\n",
                           "  category = \"network\"\n"
                           "  status = \"in_progress\"\n"
                           "  notes = \"2026-10-03, started: Firmware, CW-48812\"\n"));
        CHECK(changed.summary == "NET-1 (critical) in progress");
        CHECK(refusal([](const Plan& plan, std::string_view text) {
                  return start_issue(plan, text, "NET-2", day(2026, 10, 3), "");
              }) == "NET-2 is resolved, not open: nothing to start");
    }

    TEST_CASE("set changes the values where they are and removes an emptied key") {
        const PlanChange changed = change(plan_text, [](const Plan& plan, std::string_view text) {
            return set_issue(plan, text, "NET-1",
                             IssueFields{"VPN drops", Priority::high, day(2026, 10, 22), "Acme NOC",
                                         "", std::nullopt});
        });
        CHECK(changed.text == replace_once(plan_text,
                                           "  title    = \"VPN drops at the branch office\"\n"
                                           "  priority = \"P1\"\n"
                                           "  due      = 2026-10-15   # agreed by phone\n"
                                           "  category = \"network\"\n",
                                           "  title    = \"VPN drops\"\n"
                                           "  priority = \"high\"\n"
                                           "  due      = 2026-10-22   # agreed by phone\n"
                                           "  owner = \"Acme NOC\"\n"));
        CHECK(changed.summary ==
              "NET-1 (critical): set title, priority, due, owner; removed category");
    }

    TEST_CASE("remove takes the issue's whole table and the blank line before it") {
        const PlanChange changed = change(plan_text, [](const Plan& plan, std::string_view text) {
            return remove_issue(plan, text, "SRV-1");
        });
        CHECK(changed.text == replace_once(plan_text,
                                           "\n[[issue]]\n"
                                           "id = \"SRV-1\"\n"
                                           "title = \"File server full\"\n"
                                           "priority = \"medium\"\n"
                                           "due = 2026-10-25\n"
                                           "status = \"waived\"\n"
                                           "waived = 2026-10-19   # agreed on the phone\n"
                                           "waiver = \"Replaced by the new NAS\"\n"
                                           "category = \"servers\"\n",
                                           ""));
        CHECK(changed.summary == "SRV-1 (medium) removed: File server full");
    }

    TEST_CASE("an unknown id is refused with the nearest one") {
        CHECK(refusal(resolve("NTE-1", day(2026, 10, 19))) ==
              "remedy.toml has no issue NTE-1; did you mean NET-1?");
    }

    TEST_CASE("waiving an open issue adds its status, the day and the reason, escaped") {
        const PlanChange changed =
            change(plan_text, waive("NET-1", "Moved to the \"SD-WAN\" contract"));
        CHECK(changed.text ==
              replace_once(plan_text, "  category = \"network\"\n",
                           "  category = \"network\"\n"
                           "  status = \"waived\"\n"
                           "  waived = 2026-10-20\n"
                           "  waiver = \"Moved to the \\\"SD-WAN\\\" contract\"\n"));
        CHECK(changed.summary ==
              "NET-1 (critical) waived from 2026-10-20: Moved to the \"SD-WAN\" contract");
    }

    TEST_CASE("waiving an issue in progress changes its status where it is") {
        const PlanChange changed = change(plan_text, waive("SRV-2", "Done by the new agent"));
        CHECK(changed.text == replace_once(plan_text,
                                           "status = \"in_progress\"   # a new agent is coming\n"
                                           "category = \"servers\"\n",
                                           "status = \"waived\"   # a new agent is coming\n"
                                           "category = \"servers\"\n"
                                           "waived = 2026-10-20\n"
                                           "waiver = \"Done by the new agent\"\n"));
        CHECK(changed.summary == "SRV-2 (low) waived from 2026-10-20: Done by the new agent");
    }

    TEST_CASE("an edit that makes no sense for the issue's state is refused with the reason") {
        SUBCASE("resolving a resolved issue") {
            CHECK(refusal(resolve("NET-2", day(2026, 10, 19))) ==
                  "NET-2 is already resolved on 2026-10-18, not 2026-10-19; to change the day, "
                  "reopen it with --never-fixed and resolve it again");
        }
        SUBCASE("resolving a waived issue") {
            CHECK(refusal(resolve("SRV-1", day(2026, 10, 19))) ==
                  "SRV-1 is waived; reopen it first to resolve it");
        }
        SUBCASE("reopening an open issue") {
            CHECK(refusal(reopen("NET-1")) ==
                  "NET-1 is open, not resolved or waived: nothing to reopen");
        }
        SUBCASE("reopening an issue in progress") {
            CHECK(refusal(reopen("SRV-2")) ==
                  "SRV-2 is in_progress, not resolved or waived: nothing to reopen");
        }
        SUBCASE("waiving a waived issue") {
            CHECK(refusal(waive("SRV-1", "again")) ==
                  "SRV-1 is already waived from 2026-10-19: Replaced by the new NAS; reopen it "
                  "first to waive it again");
        }
        SUBCASE("waiving a resolved issue") {
            CHECK(refusal(waive("NET-2", "too late")) ==
                  "NET-2 is resolved; reopen it first to waive it");
        }
    }

    TEST_CASE("an edit of an issue the plan does not have is refused, naming the file") {
        SUBCASE("resolve") {
            CHECK(refusal(resolve("NET-9", day(2026, 10, 19))) ==
                  "remedy.toml has no issue NET-9; did you mean NET-1?");
        }
        SUBCASE("reopen") {
            CHECK(refusal(reopen("NET-9")) ==
                  "remedy.toml has no issue NET-9; did you mean NET-1?");
        }
        SUBCASE("waive") {
            CHECK(refusal(waive("ZZZ-99", "gone")) == "remedy.toml has no issue ZZZ-99");
        }
    }

    TEST_CASE("an id matches in any case; the summary names the issue as the plan does") {
        const PlanChange changed = change(plan_text, reopen("net-2"));
        CHECK(changed.text == change(plan_text, reopen("NET-2")).text);
        CHECK(changed.summary ==
              "NET-2 (high) reopened on 2026-10-19 (was resolved): Dropped again");
    }

    TEST_CASE("an incident is appended after a blank line") {
        const PlanChange changed = change(plan_text, [](const Plan& plan, std::string_view text) {
            return add_incident(plan, text, Priority::high, "Email down; \"all staff\"",
                                day(2026, 11, 8), "");
        });
        CHECK(changed.text == plan_text + "\n"
                                          "[[incident]]\n"
                                          "date = 2026-11-08\n"
                                          "priority = \"high\"\n"
                                          "summary = \"Email down; \\\"all staff\\\"\"\n");
        CHECK(changed.summary == "high incident recorded on 2026-11-08: Email down; \"all staff\"");
    }

    TEST_CASE("an extension goes right after the time box, before the next table") {
        const PlanChange changed = change(plan_text, [](const Plan& plan, std::string_view text) {
            return add_extension(plan, text, 14, "Firewall hardware back-ordered",
                                 day(2026, 11, 20));
        });
        CHECK(changed.text == replace_once(plan_text,
                                           "start = 2026-10-01   # the notice went out\n",
                                           "start = 2026-10-01   # the notice went out\n"
                                           "\n"
                                           "[[timebox.extension]]\n"
                                           "days = 14\n"
                                           "agreed = 2026-11-20\n"
                                           "reason = \"Firewall hardware back-ordered\"\n"));
        CHECK(changed.summary ==
              "time box extended by 14 days (agreed 2026-11-20): Firewall hardware back-ordered");
    }

    TEST_CASE("a second extension goes after the first, so that they stay together") {
        const std::string text =
            replace_once(plan_text, "start = 2026-10-01   # the notice went out\n",
                         "start = 2026-10-01   # the notice went out\n"
                         "\n"
                         "[[timebox.extension]]\n"
                         "days = 10\n"
                         "agreed = 2026-10-20   # by mail\n"
                         "reason = \"Parts\"\n");
        const PlanChange changed = change(text, [](const Plan& plan, std::string_view text) {
            return add_extension(plan, text, 1, "One more day", day(2026, 11, 2));
        });
        CHECK(changed.text == replace_once(text, "reason = \"Parts\"\n",
                                           "reason = \"Parts\"\n"
                                           "\n"
                                           "[[timebox.extension]]\n"
                                           "days = 1\n"
                                           "agreed = 2026-11-02\n"
                                           "reason = \"One more day\"\n"));
        CHECK(changed.summary == "time box extended by 1 day (agreed 2026-11-02): One more day");
    }

    TEST_CASE("a new issue is appended with every key given, and named after its category") {
        NewIssue issue;
        issue.title = "Badge readers offline";
        issue.priority = Priority::high;
        issue.due = day(2026, 11, 20);
        issue.category = "network";
        issue.owner = "Acme NOC";
        const PlanChange changed = change(plan_text, [&](const Plan& plan, std::string_view text) {
            return add_issue(plan, text, issue);
        });
        // NET-1 and NET-2 are the category's: the next is NET-3.
        CHECK(changed.text == plan_text + "\n"
                                          "[[issue]]\n"
                                          "id = \"NET-3\"\n"
                                          "title = \"Badge readers offline\"\n"
                                          "priority = \"high\"\n"
                                          "due = 2026-11-20\n"
                                          "category = \"network\"\n"
                                          "owner = \"Acme NOC\"\n");
        CHECK(changed.summary == "NET-3 (high) added, due 2026-11-20: Badge readers offline");
    }

    TEST_CASE("a new issue without category or owner has neither key") {
        NewIssue issue;
        issue.title = "Printers drop off the network";
        issue.due = day(2026, 10, 20);
        const PlanChange changed = change(plan_text, [&](const Plan& plan, std::string_view text) {
            return add_issue(plan, text, issue);
        });
        CHECK(changed.text == plan_text + "\n"
                                          "[[issue]]\n"
                                          "id = \"ISSUE-1\"\n"
                                          "title = \"Printers drop off the network\"\n"
                                          "priority = \"medium\"\n"
                                          "due = 2026-10-20\n");
        CHECK(changed.summary ==
              "ISSUE-1 (medium) added, due 2026-10-20: Printers drop off the network");
    }

    TEST_CASE("a new issue's id is the one given, else the next free one of its prefix") {
        NewIssue issue;
        issue.title = "Something";
        issue.due = day(2026, 10, 20);
        std::string expected;
        SUBCASE("the category's issues use SRV-1 and SRV-2") {
            issue.category = "servers";
            expected = "SRV-3";
        }
        SUBCASE("a new category: its first three letters and digits, upper case") {
            issue.category = "Printers & scanners";
            expected = "PRI-1";
        }
        SUBCASE("a new category of two letters") {
            issue.category = "it";
            expected = "IT-1";
        }
        SUBCASE("no category") {
            expected = "ISSUE-1";
        }
        SUBCASE("an id given is kept, whatever the category") {
            issue.id = "SEC-7";
            issue.category = "network";
            expected = "SEC-7";
        }
        const PlanChange changed = change(plan_text, [&](const Plan& plan, std::string_view text) {
            return add_issue(plan, text, issue);
        });
        CHECK(changed.text.find("\n[[issue]]\nid = \"" + expected + "\"\n") == plan_text.size());
        CHECK(changed.summary.starts_with(expected + " (medium) added"));
    }

    TEST_CASE("a setting goes into its own table, not into the sub-table written after it") {
        // [penalties] is followed by [penalties.per_day], and [timebox] by an extension: both
        // are keys of the table above them, under headers of their own.
        const std::string text = remedy_test::parties + R"(
[timebox]
start = 2026-10-01

[[timebox.extension]]
days = 7
agreed = 2026-10-20
reason = "Parts"

[penalties]
grace_days = 2   # agreed

[penalties.per_day]
P2 = "150.00"   # high
)";
        const auto set = [&](std::string name, std::vector<std::string> values) {
            return change(text, [=](const Plan& plan, std::string_view edited) {
                return set_setting(plan, edited, name, values);
            });
        };
        CHECK(set("penalties.cap", {"20%"}).text ==
              replace_once(text, "grace_days = 2   # agreed\n",
                           "grace_days = 2   # agreed\ncap = \"20%\"\n"));
        CHECK(set("timebox.days", {"45"}).text ==
              replace_once(text, "start = 2026-10-01\n", "start = 2026-10-01\ndays = 45\n"));
        SUBCASE("a rate replaces the key of its priority, an alias too") {
            const PlanChange changed = set("penalties.per_day.high", {"175.00"});
            CHECK(changed.text == replace_once(text, "P2 = \"150.00\"", "P2 = \"175.00\""));
            CHECK(changed.summary == "penalties.per_day.high = \"175.00\"");
        }
        SUBCASE("a table the plan lacks is appended") {
            CHECK(set("ultimatum.strikes", {"2"}).text == text + "\n[ultimatum]\nstrikes = 2\n");
        }
        SUBCASE("a list takes every value") {
            CHECK(set("provider.cc", {"A <a@x.example>", "B <b@x.example>"}).text ==
                  replace_once(text, "name = \"Acme Managed IT\"\n",
                               "name = \"Acme Managed IT\"\ncc = [\"A <a@x.example>\", "
                               "\"B <b@x.example>\"]\n"));
        }
        SUBCASE("unset removes the key; the value is read as written") {
            const Plan plan = load(text);
            CHECK(unset_setting(plan, text, "penalties.grace_days")->text ==
                  replace_once(text, "grace_days = 2   # agreed\n", ""));
            CHECK(*setting_text(plan, text, "penalties.per_day.high") == "\"150.00\"");
            CHECK(setting_text(plan, text, "penalties.cap")->empty());
        }
        SUBCASE("a value of the wrong kind, or an unknown name, is refused") {
            const Plan plan = load(text);
            CHECK(set_setting(plan, text, "timebox.days", {"sixty"}).error() ==
                  "timebox.days is a whole number, not 'sixty'");
            CHECK(set_setting(plan, text, "penalties.terminate_at_cap", {"yes"}).error() ==
                  "penalties.terminate_at_cap is true or false, not 'yes'");
            CHECK(set_setting(plan, text, "timebox.start", {"2026-10-01", "2026-10-02"}).error() ==
                  "timebox.start takes one value, not 2");
            CHECK(!set_setting(plan, text, "penalties.bonus", {"1"}));
        }
    }

    TEST_CASE("an edit keeps CRLF line endings and a missing final newline") {
        // Each edit's LF result, made by hand above; the other variants follow from it.
        struct Case {
            const char* name;
            Edit edit;
            std::string lf_result;
        };
        const Case cases[] = {
            {"resolve the last issue (a new last line)", resolve("SRV-2", day(2026, 10, 28)),
             replace_once(plan_text,
                          "status = \"in_progress\"   # a new agent is coming\n"
                          "category = \"servers\"\n",
                          "status = \"resolved\"   # a new agent is coming\n"
                          "category = \"servers\"\n"
                          "resolved = 2026-10-28\n")},
            {"reopen (a line removed, one added)", reopen("NET-2"),
             replace_once(plan_text,
                          "status = 'resolved'\n"
                          "resolved = 2026-10-18   # verified by our own scan\n"
                          "category = \"network\"\n",
                          "status = 'open'\n"
                          "category = \"network\"\n"
                          "notes = \"2026-10-19, reopened: Dropped again\"\n")},
            {"waive (lines added in the middle)", waive("NET-1", "Moved"),
             replace_once(plan_text, "  category = \"network\"\n",
                          "  category = \"network\"\n"
                          "  status = \"waived\"\n"
                          "  waived = 2026-10-20\n"
                          "  waiver = \"Moved\"\n")},
            {"extend (a table added in the middle)",
             [](const Plan& plan, std::string_view text) {
                 return add_extension(plan, text, 3, "Parts", day(2026, 11, 20));
             },
             replace_once(plan_text, "start = 2026-10-01   # the notice went out\n",
                          "start = 2026-10-01   # the notice went out\n"
                          "\n"
                          "[[timebox.extension]]\n"
                          "days = 3\n"
                          "agreed = 2026-11-20\n"
                          "reason = \"Parts\"\n")},
            {"incident (a table appended)",
             [](const Plan& plan, std::string_view text) {
                 return add_incident(plan, text, Priority::low, "Printer", day(2026, 10, 9), "");
             },
             plan_text + "\n[[incident]]\ndate = 2026-10-09\npriority = \"low\"\n"
                         "summary = \"Printer\"\n"},
        };
        for (const Case& c : cases) {
            INFO(c.name);
            CHECK(change(plan_text, c.edit).text == c.lf_result);
            CHECK(change(to_crlf(plan_text), c.edit).text == to_crlf(c.lf_result));
            CHECK(change(without_final_newline(plan_text), c.edit).text ==
                  without_final_newline(c.lf_result));
            CHECK(change(without_final_newline(to_crlf(plan_text)), c.edit).text ==
                  without_final_newline(to_crlf(c.lf_result)));
        }
    }

    TEST_CASE("removing the last line of a file without a final newline takes the newline before") {
        const std::string text = remedy_test::parties + R"(
[timebox]
start = 2026-10-01

[[issue]]
id = "NET-2"
title = "Guest Wi-Fi"
priority = "high"
due = 2026-10-20
owner = "Acme NOC")";
        const Edit no_owner = [](const Plan& plan, std::string_view text) {
            return set_issue(plan, text, "NET-2", IssueFields{.owner = ""});
        };
        const std::string without = replace_once(text, "\nowner = \"Acme NOC\"", "");
        SUBCASE("LF") {
            CHECK(change(text, no_owner).text == without);
        }
        SUBCASE("CRLF") {
            CHECK(change(to_crlf(text), no_owner).text == to_crlf(without));
        }
    }
}
