// SPEC v3 "Bounds": every e-mail address is an RFC 5322 addr-spec with a dot-atom local part,
// optionally with a display name; anything else is refused. So no address carries a CI runner's
// command ("::" at a line's start, "##[" anywhere) into a header that is folded or printed.

#include "remedy/model/mail_address.h"
#include "remedy/render/mime.h"

#include <doctest/doctest.h>
#include <string>

using namespace remedy;

TEST_SUITE("mail addresses") {
    TEST_CASE("dot-atom addresses with and without a display name are read") {
        for (const char* text :
             {"pat@acme-it.example", "Pat Doe <pat.doe@acme-it.example>",
              "\"Doe, Pat\" <pat@acme-it.example>", "o'neil+billing@mail.example.co.uk",
              "x!#$%&'*+-/=?^_`{|}~y@a-b.example", "  ops@example.org  "}) {
            INFO(text);
            CHECK(parse_mail_address(text));
        }
        const Expected<MailAddress> mailbox = parse_mail_address("Pat Doe <pat@acme-it.example>");
        REQUIRE(mailbox);
        CHECK(mailbox->display_name() == "Pat Doe");
        CHECK(mailbox->address() == "pat@acme-it.example");
        CHECK(mailbox->domain() == "acme-it.example");
    }

    TEST_CASE("what is not a dot-atom addr-spec is refused") {
        for (const char* text : {
                 "::error::PWNED@x.example", // ':' is not atext
                 "a##[error]b@x.example",    // '[' and ']' are not atext
                 "Pat <::warning::x@x.example>",
                 "\"quoted local\"@x.example", // a quoted local part
                 "pat@[192.0.2.1]",            // a domain literal
                 ".pat@x.example",
                 "pat.@x.example",
                 "pa..t@x.example",
                 "pat@x",
                 "pat@-x.example",
                 "pat@x-.example",
                 "pat@x..example",
                 "pat@x_y.example",
                 "pat@@x.example",
                 "pat x@x.example",
                 "pat\t@x.example",
                 "pat@x.example>",
                 "Pat <pat@x.example",
                 "pät@x.example",
                 "pat@exämple.org",
                 "@x.example",
                 "pat@",
             }) {
            INFO(text);
            CHECK_FALSE(parse_mail_address(text));
        }
        // RFC 5321: a local part of at most 64 octets, a label of at most 63, 254 in all.
        CHECK(parse_mail_address(std::string(64, 'a') + "@x.example"));
        CHECK_FALSE(parse_mail_address(std::string(65, 'a') + "@x.example"));
        CHECK(parse_mail_address("a@" + std::string(63, 'b') + ".example"));
        CHECK_FALSE(parse_mail_address("a@" + std::string(64, 'b') + ".example"));
        std::string long_domain;
        for (int i = 0; i < 5; ++i)
            long_domain += std::string(50, 'c') + ".";
        CHECK_FALSE(parse_mail_address("a@" + long_domain + "example"));
    }

    TEST_CASE("a folded address header never starts a line with \"::\"") {
        // The finding: a long first address folded the header so that the second began a
        // line; the second is now refused, and every address that is read is atext and dots.
        const Expected<MailAddress> first = parse_mail_address(std::string(60, 'c') + "@x.example");
        const Expected<MailAddress> second = parse_mail_address("ok.then@x.example");
        REQUIRE(first);
        REQUIRE(second);
        const std::string header = address_field("Cc", {*first, *second});
        CHECK(header.find("\n ok.then@x.example") != std::string::npos);
        CHECK(header.find("::") == std::string::npos);
        CHECK(header.find("##[") == std::string::npos);
    }
}
