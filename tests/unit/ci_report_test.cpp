#include "remedy/render/ci_report.h"

#include <doctest/doctest.h>

using namespace remedy;

TEST_SUITE("ci_report") {
    TEST_CASE("a workflow command message escapes % CR LF, and a property also : and ,") {
        CHECK(github_escape_message("100%\r\nnext: a, b") == "100%25%0D%0Anext: a, b");
        CHECK(github_escape_property("100%\r\nnext: a, b") == "100%25%0D%0Anext%3A a%2C b");
        CHECK(github_escape_message("%0A") == "%250A");
        CHECK(github_escape_property("") == "");
    }

    TEST_CASE("XML text escapes markup and replaces what XML 1.0 cannot hold") {
        CHECK(xml_escape("a & <b> \"c\" 'd'") == "a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;");
        CHECK(xml_escape("tab\tline\ncr\r") == "tab&#9;line&#10;cr&#13;");
        CHECK(xml_escape(std::string("nul\0x", 5)) == "nul\xEF\xBF\xBDx");
        CHECK(xml_escape("\x01\x1F") == "\xEF\xBF\xBD\xEF\xBF\xBD");
        CHECK(xml_escape("caf\xC3\xA9") == "caf\xC3\xA9");             // UTF-8 is kept
        CHECK(xml_escape("bad \xFF byte") == "bad \xEF\xBF\xBD byte"); // not UTF-8
        CHECK(xml_escape("\xEF\xBF\xBE") == "\xEF\xBF\xBD");           // U+FFFE is not a character
        CHECK(xml_escape("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // a surrogate
        CHECK(xml_escape("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80"); // U+1F600 is allowed
    }
}
