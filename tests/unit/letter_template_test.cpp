#include "remedy/model/judgement.h"
#include "remedy/model/recent_changes.h"
#include "remedy/render/email_message.h"
#include "remedy/render/letter_fields.h"
#include "remedy/render/letter_template.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <map>
#include <string>

using namespace remedy;
using remedy_test::day;
using remedy_test::load;

namespace {

const std::map<std::string, std::string> fields = {{"name", "Pat"}, {"owed", "1,300.00 USD"}};

// Why expanding `text` failed; empty when it did not.
std::string expand_error(std::string_view text, const std::string& source, int first_line) {
    const Expected<std::string> expanded = expand_placeholders(text, fields, source, first_line);
    return expanded ? std::string() : expanded.error();
}

// Why reading a template file failed; empty when it did not.
std::string parse_error(std::string_view text) {
    const Expected<LetterTemplate> parsed = parse_letter_template(text, "letters/notice.txt");
    return parsed ? std::string() : parsed.error();
}

// A plan a letter can be written for: both parties have a contact.
const std::string letter_plan = R"(
[client]
name = "Northwind Traders"
contact = "Alex Kim <alex@northwind.example>"

[provider]
name = "Acme Managed IT"
contact = "Pat Doe <pat@acme-it.example>"

[timebox]
start = 2026-10-01

[[issue]]
id = "NET-1"
title = "VPN drops at the branch office"
priority = "critical"
due = 2026-10-15
)";

// Why composing the weekly letter from the template file `text` failed; empty when it did not.
std::string compose_error(std::string_view text) {
    const Plan plan = load(letter_plan);
    const Judgement judgement = judge(plan, day(2026, 10, 18));
    const Expected<LetterTemplate> wording = parse_letter_template(text, "letters/weekly.txt");
    REQUIRE(wording.ok());
    MessageOptions options;
    options.kind = LetterKind::weekly;
    options.wording = *wording;
    const Expected<std::string> message =
        compose_message(plan, judgement, gather_letter_facts(plan, judgement, {}, {}), options);
    return message ? std::string() : message.error();
}

} // namespace

TEST_SUITE("letter_template") {
    TEST_CASE("a template file is its subject line, then the body after the blank line") {
        const Expected<LetterTemplate> parsed =
            parse_letter_template("Subject: Weekly status: {{provider}}\n"
                                  "\n"
                                  "Dear {{provider_contact_name}},\n"
                                  "\n"
                                  "Regards\n",
                                  "letters/weekly.txt");
        REQUIRE(parsed.ok());
        CHECK(parsed->subject == "Weekly status: {{provider}}");
        CHECK(parsed->body == "Dear {{provider_contact_name}},\n\nRegards\n");
        CHECK(parsed->source == "letters/weekly.txt");
    }

    TEST_CASE("every CR of a template file is dropped") {
        const Expected<LetterTemplate> parsed =
            parse_letter_template("Subject: Hi\r\n\r\nDear all,\r\nBye\r\n", "letters/a.txt");
        REQUIRE(parsed.ok());
        CHECK(parsed->subject == "Hi");
        CHECK(parsed->body == "Dear all,\nBye\n");
    }

    TEST_CASE("the body starts at the first line that is not empty") {
        const Expected<LetterTemplate> parsed =
            parse_letter_template("Subject: Hi\n\n\n\nBody\n", "letters/a.txt");
        REQUIRE(parsed.ok());
        CHECK(parsed->body == "Body\n");
    }

    TEST_CASE("a template file that does not start with \"Subject: \" is refused at 1:1") {
        const std::string refused =
            "letters/notice.txt:1:1: a letter template starts with \"Subject: \"";
        SUBCASE("no subject line") {
            CHECK(parse_error("Dear all,\n") == refused);
        }
        SUBCASE("lower case") {
            CHECK(parse_error("subject: Hi\n\nBody\n") == refused);
        }
        SUBCASE("no space after the colon") {
            CHECK(parse_error("Subject:Hi\n\nBody\n") == refused);
        }
        SUBCASE("a blank line first") {
            CHECK(parse_error("\nSubject: Hi\n\nBody\n") == refused);
        }
        SUBCASE("an empty file") {
            CHECK(parse_error("") == refused);
        }
    }

    TEST_CASE("a template file without a body is refused at 1:1") {
        const std::string refused =
            "letters/notice.txt:1:1: a letter template needs a body after its subject";
        SUBCASE("the subject line alone") {
            CHECK(parse_error("Subject: Hi\n") == refused);
        }
        SUBCASE("without its newline") {
            CHECK(parse_error("Subject: Hi") == refused);
        }
        SUBCASE("only blank lines after it") {
            CHECK(parse_error("Subject: Hi\n\n\n") == refused);
        }
        SUBCASE("only blank CRLF lines after it") {
            CHECK(parse_error("Subject: Hi\r\n\r\n") == refused);
        }
    }

    TEST_CASE("every built-in template parses and uses only placeholders a letter has") {
        const Plan plan = load(letter_plan);
        const Judgement judgement = judge(plan, day(2026, 10, 18));
        const auto letter = letter_fields(
            plan, judgement, gather_letter_facts(plan, judgement, {}, date::year{2026} / 10));
        for (const auto& [kind, word] : letter_kinds.entries()) {
            const LetterTemplate wording = built_in_template(kind);
            INFO(wording.source);
            CHECK(wording.source == "built-in " + std::string(word));
            CHECK(wording.body.starts_with("{{date_line}}\n\nDear {{provider_contact_name}},\n"));
            CHECK(expand_placeholders(wording.subject, letter, wording.source, 1).ok());
            CHECK(expand_placeholders(wording.body, letter, wording.source, 3).ok());
        }
    }

    TEST_CASE("every known placeholder is replaced by its text, as often as it appears") {
        const Expected<std::string> expanded =
            expand_placeholders("Dear {{name}},\nyou owe {{owed}}, {{name}}.\n", fields, "t", 3);
        REQUIRE(expanded.ok());
        CHECK(*expanded == "Dear Pat,\nyou owe 1,300.00 USD, Pat.\n");
    }

    TEST_CASE("a replacement is not expanded again, and lone braces stay") {
        const Expected<std::string> expanded =
            expand_placeholders("{ a } }} {x} {{name}}", {{"name", "{{owed}}"}}, "t", 1);
        REQUIRE(expanded.ok());
        CHECK(*expanded == "{ a } }} {x} {{owed}}");
    }

    TEST_CASE("an unknown placeholder is an error at its line and column in the file") {
        SUBCASE("lines counted from the body's first line") {
            // Line 3 of the file is the body's first; {{owd}} is on its third line, after
            // "You owe " (8 characters).
            CHECK(expand_error("Dear all,\n\nYou owe {{owd}}.\n", "letters/weekly.txt", 3) ==
                  "letters/weekly.txt:5:9: unknown placeholder {{owd}}; "
                  "docs/email-templates.md lists them");
        }
        SUBCASE("columns count characters, not bytes") {
            // "Zoë Müller: " is 12 characters (14 bytes).
            CHECK(expand_error("Zoë Müller: {{x}}", "letters/a.txt", 1) ==
                  "letters/a.txt:1:13: unknown placeholder {{x}}; "
                  "docs/email-templates.md lists them");
        }
        SUBCASE("columns are those of the template, not of the text expanded so far") {
            CHECK(expand_error("{{name}} owes {{owd}}", "letters/a.txt", 1) ==
                  "letters/a.txt:1:15: unknown placeholder {{owd}}; "
                  "docs/email-templates.md lists them");
        }
        SUBCASE("a name with spaces is not trimmed, and not quoted: not shaped like a name") {
            CHECK(expand_error("{{ name }}", "letters/a.txt", 1) ==
                  "letters/a.txt:1:1: unknown placeholder (not a name); "
                  "docs/email-templates.md lists them");
        }
        SUBCASE("the file's content is never quoted: a line of another file stays unshown") {
            CHECK(expand_error("{{root:x:0:0:root:/root:/bin/bash}}", "letters/a.txt", 1) ==
                  "letters/a.txt:1:1: unknown placeholder (not a name); "
                  "docs/email-templates.md lists them");
        }
        SUBCASE("an empty name") {
            CHECK(
                expand_error("a {{}}", "letters/a.txt", 2) ==
                "letters/a.txt:2:3: unknown placeholder {{}}; docs/email-templates.md lists them");
        }
    }

    TEST_CASE("\"{{\" without \"}}\" is an error where it opens") {
        CHECK(expand_error("Dear all,\nDear {{name,\n", "letters/notice.txt", 3) ==
              "letters/notice.txt:4:6: unknown placeholder {{ without }}; "
              "docs/email-templates.md lists them");
    }

    TEST_CASE("an unknown placeholder of a body just after the blank line is located") {
        CHECK(compose_error("Subject: Status\n\nDear {{nope}},\n") ==
              "letters/weekly.txt:3:6: unknown placeholder {{nope}}; "
              "docs/email-templates.md lists them");
    }

    // The subject starts after "Subject: ", and the body after however many blank lines.
    TEST_CASE("an unknown placeholder is located in the template file wherever it is") {
        SUBCASE("in the subject, after \"Subject: Status \" (16 characters)") {
            CHECK(compose_error("Subject: Status {{nope}}\n\nDear all,\n") ==
                  "letters/weekly.txt:1:17: unknown placeholder {{nope}}; "
                  "docs/email-templates.md lists them");
        }
        SUBCASE("in a body after three blank lines, on line 5") {
            CHECK(compose_error("Subject: Status\n\n\n\nDear {{nope}},\n") ==
                  "letters/weekly.txt:5:6: unknown placeholder {{nope}}; "
                  "docs/email-templates.md lists them");
        }
    }
}
