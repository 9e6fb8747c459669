#include "remedy/model/mail_address.h"
#include "remedy/render/mime.h"

#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

using namespace remedy;

namespace {

// Mailboxes {display name, address} as a plan would write them, read by the one parser that
// makes them.
std::vector<MailAddress> boxes(const std::vector<std::pair<std::string, std::string>>& given) {
    std::vector<MailAddress> out;
    for (const auto& [name, address] : given) {
        std::string text = address;
        if (!name.empty()) {
            text = "\"";
            for (char c : name)
                text += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
            text += "\" <" + address + ">";
        }
        const Expected<MailAddress> parsed = parse_mail_address(text);
        REQUIRE(parsed);
        out.push_back(*parsed);
    }
    return out;
}

// The lines of `text` (which ends in LF), without their LF.
std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        lines.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

} // namespace

TEST_SUITE("mime") {
    TEST_CASE("quoted-printable keeps printable ASCII and line ends as they are") {
        CHECK(quoted_printable("Dear Pat,\n\nThe VPN drops (again).\n") ==
              "Dear Pat,\n\nThe VPN drops (again).\n");
        CHECK(quoted_printable("") == "");
        CHECK(quoted_printable("\n") == "\n");
    }

    TEST_CASE("quoted-printable escapes the equals sign") {
        CHECK(quoted_printable("cap = 10%\n") == "cap =3D 10%\n");
        CHECK(quoted_printable("==\n") == "=3D=3D\n");
    }

    TEST_CASE("quoted-printable escapes a space or tab at the end of a line, only there") {
        CHECK(quoted_printable("two spaces  \n") == "two spaces =20\n");
        CHECK(quoted_printable("a tab\t\n") == "a tab=09\n");
        CHECK(quoted_printable("a\tb c\n") == "a\tb c\n");
    }

    TEST_CASE("quoted-printable writes each byte of a UTF-8 character as =XX, upper case") {
        CHECK(quoted_printable("Zoë\n") == "Zo=C3=AB\n");      // ë is C3 AB
        CHECK(quoted_printable("50 €\n") == "50 =E2=82=AC\n"); // € is E2 82 AC
    }

    TEST_CASE("quoted-printable escapes a line start that mbox or SMTP would change") {
        CHECK(quoted_printable("From here on\n") == "=46rom here on\n");
        CHECK(quoted_printable(".\n") == "=2E\n");
        CHECK(quoted_printable("From\n.5 days\n") == "From\n.5 days\n"); // not those lines
    }

    TEST_CASE("quoted-printable breaks a long line softly so that no line passes 76") {
        SUBCASE("75 characters and the '=' of the soft break") {
            CHECK(quoted_printable(std::string(80, 'a') + "\n") ==
                  std::string(75, 'a') + "=\n" + std::string(5, 'a') + "\n");
        }
        SUBCASE("a line of 75 characters stays whole") {
            CHECK(quoted_printable(std::string(75, 'a') + "\n") == std::string(75, 'a') + "\n");
        }
        SUBCASE("an escape is never cut by a soft line break") {
            // 74 + "=C3" would make 77: the break comes before it.
            CHECK(quoted_printable(std::string(74, 'a') + "ë\n") ==
                  std::string(74, 'a') + "=\n=C3=AB\n");
        }
        SUBCASE("a long text of every kind of byte") {
            std::string text;
            for (int i = 0; i < 40; ++i)
                text += "Zoë = 50 € ";
            text += "\nshort\n";
            const std::string encoded = quoted_printable(text);
            for (const std::string& line : lines_of(encoded)) {
                INFO(line);
                CHECK(line.size() <= 76);
                CHECK(line.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                             "0123456789 =%") == std::string::npos);
            }
            CHECK(encoded.ends_with("\nshort\n"));
        }
    }

    TEST_CASE("quoted-printable of text without a final newline ends in a soft line break") {
        // Decoded, "abc=" LF is "abc": the text gets no newline it did not have.
        CHECK(quoted_printable("abc") == "abc=\n");
        CHECK(quoted_printable("line\nlast") == "line\nlast=\n");
    }

    // An encoded line that starts with "From " is still changed by mbox, and one that is a lone
    // "." by the SMTP paths the escape above guards against, even when a soft line break, not
    // the text, began the line.
    TEST_CASE("no encoded line starts with \"From \" or is a lone \".\", after a soft break too") {
        for (const std::string& text :
             {std::string(75, 'a') + "From here on\n", std::string(75, 'a') + ".\n"}) {
            for (const std::string& line : lines_of(quoted_printable(text))) {
                INFO(line);
                CHECK_FALSE(line.starts_with("From "));
                CHECK(line != ".");
            }
        }
    }

    TEST_CASE("an ASCII header is written as it is, after the name and a space") {
        CHECK(header_field("Subject", "Notice of dissatisfaction") ==
              "Subject: Notice of dissatisfaction\n");
        CHECK(header_field("X-Remedy-Verdict", "at-risk") == "X-Remedy-Verdict: at-risk\n");
    }

    TEST_CASE("a long ASCII header is folded at a space, before the word that passes 76") {
        // "Subject:" and the words up to "Services," make 60 characters; with
        // " TMS-MSA-2025-0042/Schedule-C," the line would be 90.
        CHECK(header_field("Subject",
                           "Notice of dissatisfaction: Tasman Managed Services, "
                           "TMS-MSA-2025-0042/Schedule-C, Fairview Veterinary Clinics") ==
              "Subject: Notice of dissatisfaction: Tasman Managed Services,\n"
              " TMS-MSA-2025-0042/Schedule-C, Fairview Veterinary Clinics\n");
    }

    TEST_CASE("a header line of 76 characters stays whole, one of 77 is folded") {
        // "Subject:" is 8 characters, then a space and the word.
        CHECK(header_field("Subject", std::string(67, 'w')) ==
              "Subject: " + std::string(67, 'w') + "\n");
        CHECK(header_field("Subject", std::string(68, 'w')) ==
              "Subject:\n " + std::string(68, 'w') + "\n");
    }

    TEST_CASE("an ASCII word longer than a line is written as encoded words, lines kept short") {
        // RFC 5322 2.1.1: a line SHOULD be at most 78 characters, and a word of 83 has no space
        // to fold at. Its 39-byte pieces, "https://booking.fairview-vet.example/ap",
        // "pointments/new?clinic=parramatta&servic" and "e=vet", each make a word of their own.
        const std::string url =
            "https://booking.fairview-vet.example/appointments/new?clinic=parramatta&service=vet";
        const std::string folded = header_field("Subject", "See " + url);
        CHECK(folded == "Subject: See\n"
                        " =?UTF-8?B?aHR0cHM6Ly9ib29raW5nLmZhaXJ2aWV3LXZldC5leGFtcGxlL2Fw?=\n"
                        " =?UTF-8?B?cG9pbnRtZW50cy9uZXc/Y2xpbmljPXBhcnJhbWF0dGEmc2Vydmlj?=\n"
                        " =?UTF-8?B?ZT12ZXQ=?=\n");
        for (const std::string& line : lines_of(folded)) {
            INFO(line);
            CHECK(line.size() <= 78);
        }
    }

    TEST_CASE("a non-ASCII header is written as RFC 2047 base64 encoded words") {
        // "Zoë" is 5A 6F C3 AB.
        CHECK(header_field("Subject", "Zoë") == "Subject: =?UTF-8?B?Wm/Dqw==?=\n");
    }

    TEST_CASE("encoded words hold at most 39 bytes, whole characters, and fold at 76") {
        SUBCASE("two-byte characters: 19 of them (38 bytes) in the first word") {
            // 25 é are 50 bytes; a cut at 39 would split the 20th. "ééé" (C3 A9 C3 A9 C3 A9)
            // is "w6nDqcOp" and "é" alone "w6k=". The first word is 64 characters ("Subject: "
            // and it make 73), the second 28 and on a new line.
            std::string text;
            for (int i = 0; i < 25; ++i)
                text += "é";
            const std::string six = "w6nDqcOp";
            CHECK(header_field("Subject", text) == "Subject: =?UTF-8?B?" + six + six + six + six +
                                                       six + six + "w6k=?=\n =?UTF-8?B?" + six +
                                                       six + "?=\n");
        }
        SUBCASE("four-byte characters: 9 of them (36 bytes), never a piece of one") {
            // 😀 is F0 9F 98 80; three of them are "8J+YgPCfmIDwn5iA", one alone "8J+YgA==".
            std::string text;
            for (int i = 0; i < 10; ++i)
                text += "😀";
            const std::string three = "8J+YgPCfmIDwn5iA";
            CHECK(header_field("Subject", text) ==
                  "Subject: =?UTF-8?B?" + three + three + three + "?=\n =?UTF-8?B?8J+YgA==?=\n");
        }
    }

    TEST_CASE("a header with a control character is encoded, not written raw") {
        // "a" TAB "b" is 61 09 62: "YQli".
        CHECK(header_field("Subject", "a\tb") == "Subject: =?UTF-8?B?YQli?=\n");
    }

    TEST_CASE("an address without a display name is the bare address") {
        CHECK(address_field("To", boxes({{"", "ops@example.org"}})) == "To: ops@example.org\n");
    }

    TEST_CASE("a plain display name is written as words, the address in angle brackets") {
        CHECK(address_field("From", boxes({{"Pat Doe", "pat@acme-it.example"}})) ==
              "From: Pat Doe <pat@acme-it.example>\n");
    }

    TEST_CASE("a display name with specials is quoted, with its quotes and backslashes escaped") {
        CHECK(address_field("To",
                            boxes({{"Doe, Pat (Account Manager)", "pat.doe@tasman-ms.example"}})) ==
              "To: \"Doe, Pat (Account Manager)\" <pat.doe@tasman-ms.example>\n");
        CHECK(address_field("To", boxes({{"Pat Doe Jr.", "pat@acme-it.example"}})) ==
              "To: \"Pat Doe Jr.\" <pat@acme-it.example>\n");
        CHECK(address_field("To", boxes({{"Ann \"Annie\" O'Neil", "ann@fairview-vet.example"}})) ==
              "To: \"Ann \\\"Annie\\\" O'Neil\" <ann@fairview-vet.example>\n");
        CHECK(address_field("To", boxes({{"IT\\Ops: desk", "desk@example.org"}})) ==
              "To: \"IT\\\\Ops: desk\" <desk@example.org>\n");
    }

    TEST_CASE("a non-ASCII display name is encoded, its comma inside the encoded word") {
        // "Ærø Kundendienst" is 18 bytes: "w4Zyw7ggS3VuZGVuZGllbnN0".
        CHECK(address_field("Cc", boxes({{"Ærø Kundendienst", "kundendienst@aero-it.example"}})) ==
              "Cc: =?UTF-8?B?w4Zyw7ggS3VuZGVuZGllbnN0?= <kundendienst@aero-it.example>\n");
    }

    TEST_CASE("mailboxes are separated by commas and folded between tokens") {
        // Tokens of 28, 28 (with its comma), 40, 35 (with its comma) and 15 characters: the
        // first line holds "To:" and two (61), the encoded word alone (41) would pass 76 with
        // the next address, which starts the third line.
        CHECK(
            address_field("To", boxes({{"Doe, Pat (Account Manager)", "pat.doe@tasman-ms.example"},
                                       {"Zoë Müller, Einkauf", "einkauf@mueller-logistik.example"},
                                       {"", "ops@example.org"}})) ==
            "To: \"Doe, Pat (Account Manager)\" <pat.doe@tasman-ms.example>,\n"
            " =?UTF-8?B?Wm/DqyBNw7xsbGVyLCBFaW5rYXVm?=\n"
            " <einkauf@mueller-logistik.example>, ops@example.org\n");
    }

    TEST_CASE("base64 lines end in LF, with padding for the last one or two bytes") {
        CHECK(base64_lines("") == "");
        CHECK(base64_lines("Man") == "TWFu\n");
        CHECK(base64_lines("Ma") == "TWE=\n");
        CHECK(base64_lines("M") == "TQ==\n");
        // 00 FF FE: 000000 001111 111111 111110.
        CHECK(base64_lines(std::string_view("\x00\xff\xfe", 3)) == "AP/+\n");
    }

    TEST_CASE("base64 lines hold 76 characters, 57 bytes") {
        std::string full_line;
        for (int i = 0; i < 19; ++i)
            full_line += "YWFh"; // "aaa"
        CHECK(base64_lines(std::string(57, 'a')) == full_line + "\n");
        CHECK(base64_lines(std::string(58, 'a')) == full_line + "\nYQ==\n");
    }
}
