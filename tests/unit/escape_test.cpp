#include "remedy/render/escape.h"

#include <doctest/doctest.h>
#include <string>

using namespace remedy;

TEST_SUITE("escape") {
    TEST_CASE("a workflow command message escapes % CR LF, and a property also : and ,") {
        CHECK(github_message("100%\r\nnext: a, b") == "100%25%0D%0Anext: a, b");
        CHECK(github_property("100%\r\nnext: a, b") == "100%25%0D%0Anext%3A a%2C b");
        CHECK(github_message("%0A") == "%250A");
        CHECK(github_property("") == "");
        // The injection of a plan key: the command stays on its own line, as data.
        CHECK(github_message("key\n::error file=evil.txt,line=1::injected") ==
              "key%0A::error file=evil.txt,line=1::injected");
    }

    TEST_CASE("XML escapes markup and replaces what XML 1.0 cannot hold") {
        CHECK(xml_attribute("a & <b> \"c\" 'd'") ==
              "a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;");
        CHECK(xml_text("a & <b> \"c\" 'd'") == "a &amp; &lt;b&gt; \"c\" 'd'");
        CHECK(xml_attribute("tab\tline\ncr\r") == "tab&#9;line&#10;cr&#13;");
        CHECK(xml_text("tab\tline\ncr\r") == "tab\tline\ncr&#13;");
        CHECK(xml_text(std::string("nul\0x", 5)) == "nul\xEF\xBF\xBDx");
        CHECK(xml_text("\x01\x1F") == "\xEF\xBF\xBD\xEF\xBF\xBD");
        CHECK(xml_text("caf\xC3\xA9") == "caf\xC3\xA9");             // UTF-8 is kept
        CHECK(xml_text("bad \xFF byte") == "bad \xEF\xBF\xBD byte"); // not UTF-8
        CHECK(xml_text("\xEF\xBF\xBE") == "\xEF\xBF\xBD");           // U+FFFE is not a character
        CHECK(xml_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // a surrogate
        CHECK(xml_text("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80"); // U+1F600 is allowed
    }

    TEST_CASE("XML ends no CDATA, comment or script and shows controls as references") {
        CHECK(xml_text("]]> --> </script>") == "]]&gt; --&gt; &lt;/script&gt;");
        CHECK(xml_text("\xE2\x80\xAE"
                       "abc") == "&#x202E;abc"); // RIGHT-TO-LEFT OVERRIDE
        CHECK(xml_text("\xC2\x9B") == "&#x9B;"); // the C1 CSI
        CHECK(xml_text("##[add-mask]x") == "#&#35;[add-mask]x");
    }

    TEST_CASE("HTML holds only what a strict HTML5 parser reads without an error") {
        // The finding: a commit subject with CR was written "&#13;", a parse error in HTML5.
        CHECK(html_text("tab\tline\ncr\r") == "tab\tline\ncr\n");
        CHECK(html_text("crlf\r\nnext") == "crlf\nnext");
        CHECK(html_attribute("a\rb") == "a&#10;b");
        CHECK(html_text("a\r::error::x") == "a&#10;::error::x"); // the runner's command kept off
        CHECK(html_text("\xC2\x9B") == "\xEF\xBF\xBD");          // C1: even &#x9B; is an error
        CHECK(html_text("\xEF\xB7\x90") == "\xEF\xBF\xBD");      // U+FDD0, a noncharacter
        CHECK(html_text("\xF0\x9F\xBF\xBE") == "\xEF\xBF\xBD");  // U+1FFFE
        CHECK(html_text("\xE2\x80\xAE"
                        "abc") == "&#x202E;abc"); // bidi: a valid reference
        CHECK(html_text("a & <b>") == "a &amp; &lt;b&gt;");
        CHECK(html_text("##[add-mask]x") == "#&#35;[add-mask]x");
    }

    TEST_CASE("terminal text shows every control character instead of sending it") {
        CHECK(terminal_text("issue.x\x1b[31mRED\x1b[0m") == "issue.x\\x1b[31mRED\\x1b[0m");
        CHECK(terminal_text("a\nb\rc\td") == "a\\nb\\rc\\td");
        CHECK(terminal_text(std::string("\0\x7f", 2)) == "\\x00\\x7f");
        CHECK(terminal_text("\xC2\x9B"
                            "2J") == "\\u009b2J"); // C1 CSI
        CHECK(terminal_text("abc\xE2\x80\xAE"
                            "def") == "abc\\u202edef");                         // bidi override
        CHECK(terminal_text("\xE2\x81\xA6x\xE2\x81\xA9") == "\\u2066x\\u2069"); // isolates
        CHECK(terminal_text("bad \xFF byte") == "bad \\xff byte");
        CHECK(terminal_text("Zo\xC3\xAB M\xC3\xBCller") == "Zo\xC3\xAB M\xC3\xBCller");
    }

    TEST_CASE("terminal text never starts a workflow command nor holds the older form") {
        CHECK(terminal_text("::error::x") == "\\x3a:error::x");
        CHECK(terminal_text("  ::warning::x") == "  \\x3a:warning::x");
        CHECK(terminal_text("fe80::1 drops") == "fe80::1 drops"); // "::" inside a line is text
        CHECK(terminal_text("a ##[add-mask]b") == "a #\\x23[add-mask]b");
        CHECK(terminal_text("key\n::error::x") == "key\\n::error::x"); // one line: no line start
    }

    TEST_CASE("terminal lines keep the line breaks and, when asked, remedy's colours") {
        CHECK(terminal_lines("a\n::error::b\n  ::c\n", Colour::escaped) ==
              "a\n\\x3a:error::b\n  \\x3a:c\n");
        CHECK(terminal_lines("\x1b[1;31mbad\x1b[0m\n", Colour::kept) == "\x1b[1;31mbad\x1b[0m\n");
        CHECK(terminal_lines("\x1b[1;31mbad\x1b[0m\n", Colour::escaped) ==
              "\\x1b[1;31mbad\\x1b[0m\n");
        // Only SGR is colour: a title change (OSC) or a cursor move is shown.
        CHECK(terminal_lines("\x1b]0;pwned\x07\x1b[2J", Colour::kept) ==
              "\\x1b]0;pwned\\x07\\x1b[2J");
        CHECK(terminal_lines("a\tb\r\n", Colour::kept) == "a\\tb\\r\n");
    }

    TEST_CASE("a CSV field is quoted when it must be, and never a formula") {
        CHECK(csv_field("plain") == "plain");
        CHECK(csv_field("a,b") == "\"a,b\"");
        CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
        CHECK(csv_field("two\nlines") == "two\\nlines");
        CHECK(csv_field("tab\there") == "tab\\there");
        CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
        CHECK(csv_field("+1") == "'+1");
        CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
        CHECK(csv_field("-12.50") == "-12.50"); // a number stays a number
        CHECK(csv_field("-cmd") == "'-cmd");
        CHECK(csv_field("") == "");
    }

    TEST_CASE("a CSV field holds no workflow command and stays on one line") {
        CHECK(csv_field("::error::x") == "\\x3a:error::x");
        CHECK(csv_field("a\n::error::x") == "a\\n::error::x");
        CHECK(csv_field("##[add-mask]x") == "#\\x23[add-mask]x");
        CHECK(csv_field("bad \xFF") == "bad \\xff");
    }

    TEST_CASE("a CSV field holds no control character: each is shown as a terminal shows it") {
        // The finding: a git author "ESC ]0;..." reached `history --format csv` raw, a folder
        // name with ESC, BEL, CR and LF reached `portfolio --format csv` raw.
        CHECK(csv_field("Eve \x1b]0;pwned\x07") == "Eve \\x1b]0;pwned\\x07");
        CHECK(csv_field("client\r\nB\x1b[2J") == "client\\r\\nB\\x1b[2J");
        CHECK(csv_field("\tx") == "\\tx");
        CHECK(csv_field("del\x7f c1\xc2\x85 rlo\xe2\x80\xae") == "del\\x7f c1\\u0085 rlo\\u202e");
        for (const std::string& field :
             {csv_field("\x01\x02\x1f"), csv_field("a\rb"), csv_field(std::string("a\0b", 3))})
            for (char c : field)
                CHECK((static_cast<unsigned char>(c) >= 0x20 && c != 0x7f));
    }

    TEST_CASE("iCalendar TEXT escapes its separators and drops control characters") {
        CHECK(ics_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne");
        CHECK(ics_text("cr\r\x1b[31m\ttab") == "cr[31m\ttab");
        CHECK(ics_text("caf\xC3\xA9") == "caf\xC3\xA9");
    }
}
