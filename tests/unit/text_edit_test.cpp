#include "remedy/edit/text_edit.h"

#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

using namespace remedy;

TEST_SUITE("text_edit") {
    TEST_CASE("a line index gives every place the offset counting the lines gives") {
        const std::string text = "a = 1\r\nb = \"€x\"\n\n  c = 'ü'\nlast";
        std::vector<std::size_t> counted;
        for (std::uint32_t line = 1; line <= 7; ++line)
            for (std::uint32_t column = 1; column <= 12; ++column)
                counted.push_back(byte_offset(text, SourcePos{line, column}));
        const LineIndex index(text);
        std::size_t i = 0;
        for (std::uint32_t line = 1; line <= 7; ++line)
            for (std::uint32_t column = 1; column <= 12; ++column)
                CHECK(byte_offset(text, SourcePos{line, column}) == counted[i++]);
        // Another text, even with the same bytes elsewhere, is counted as before.
        const std::string copy = text;
        CHECK(index.line_start(copy, 2) == std::nullopt);
        CHECK(byte_offset(copy, SourcePos{4, 3}) == byte_offset(text, SourcePos{4, 3}));
        CHECK(index.line_start(text, 2) == std::optional<std::size_t>(7));
    }

    TEST_CASE("a place on the first line is its column less one, in ASCII") {
        const std::string_view text = "id = \"NET-1\"\n";
        CHECK(byte_offset(text, SourcePos{1, 1}) == 0);
        CHECK(byte_offset(text, SourcePos{1, 6}) == 5);   // the opening quote
        CHECK(byte_offset(text, SourcePos{1, 13}) == 12); // just past the closing quote
    }

    TEST_CASE("a column counts characters, so each multi-byte character moves several bytes") {
        // "ë" and "ü" are 2 bytes, "€" 3, "😀" 4: bytes t0 ... "8 Z9 o10 ë11-12 space13 M14
        // ü15-16 l17 l18 e19 r20 space21 €22-24 space25 😀26-29 "30.
        const std::string_view text = "title = \"Zoë Müller € 😀\"\n";
        CHECK(byte_offset(text, SourcePos{1, 10}) == 9);  // Z
        CHECK(byte_offset(text, SourcePos{1, 12}) == 11); // ë, its first byte
        CHECK(byte_offset(text, SourcePos{1, 13}) == 13); // the space after ë
        CHECK(byte_offset(text, SourcePos{1, 14}) == 14); // M
        CHECK(byte_offset(text, SourcePos{1, 16}) == 17); // l, after ü
        CHECK(byte_offset(text, SourcePos{1, 21}) == 22); // €
        CHECK(byte_offset(text, SourcePos{1, 22}) == 25); // the space after €
        CHECK(byte_offset(text, SourcePos{1, 23}) == 26); // 😀
        CHECK(byte_offset(text, SourcePos{1, 24}) == 30); // the closing quote
    }

    TEST_CASE("a later line starts after the previous line's LF, and CR is an ordinary byte") {
        // Line 1 is "a = 1\r\n" (bytes 0-6); line 2 "b = \"€x\"\r\n" starts at byte 7.
        const std::string_view text = "a = 1\r\nb = \"€x\"\r\n";
        CHECK(byte_offset(text, SourcePos{2, 1}) == 7);  // b
        CHECK(byte_offset(text, SourcePos{2, 5}) == 11); // the opening quote
        CHECK(byte_offset(text, SourcePos{2, 6}) == 12); // €
        CHECK(byte_offset(text, SourcePos{2, 7}) == 15); // x
        CHECK(byte_offset(text, SourcePos{2, 8}) == 16); // the closing quote
        CHECK(byte_offset(text, SourcePos{2, 9}) == 17); // the CR
    }

    TEST_CASE("a place past the end of the text is the end of the text") {
        SUBCASE("a line past the last one, after a final newline") {
            CHECK(byte_offset("a = 1\nb = 2\n", SourcePos{5, 1}) == 12);
        }
        SUBCASE("a line past the last one, without a final newline") {
            CHECK(byte_offset("a = 1\nb = 2", SourcePos{3, 4}) == 11);
        }
        SUBCASE("a column past the last character") {
            CHECK(byte_offset("a = 1", SourcePos{1, 40}) == 5);
        }
    }

    TEST_CASE("the end of a line is just past its line ending, LF or CRLF") {
        const std::string_view text = "one\r\ntwo\nthree";
        CHECK(end_of_line(text, 0) == 5);   // "one\r\n"
        CHECK(end_of_line(text, 3) == 5);   // from the CR
        CHECK(end_of_line(text, 4) == 5);   // from the LF itself
        CHECK(end_of_line(text, 5) == 9);   // "two\n"
        CHECK(end_of_line(text, 10) == 14); // the last line has no newline: the end of the text
    }

    TEST_CASE("the start of a line is just past the previous LF") {
        const std::string_view text = "one\r\ntwo\nthree";
        CHECK(start_of_line(text, 0) == 0);
        CHECK(start_of_line(text, 2) == 0);
        CHECK(start_of_line(text, 4) == 0); // the LF belongs to the line it ends
        CHECK(start_of_line(text, 5) == 5);
        CHECK(start_of_line(text, 7) == 5);
        CHECK(start_of_line(text, 13) == 9);
        CHECK(start_of_line(text, 14) == 9); // the end of the text is on the last line
    }

    TEST_CASE("new lines end as the file's first line ends") {
        CHECK(line_ending("a = 1\r\nb = 2\r\n") == "\r\n");
        CHECK(line_ending("a = 1\nb = 2\r\n") == "\n"); // only the first line decides
        CHECK(line_ending("a = 1\r\nb = 2\n") == "\r\n");
        CHECK(line_ending("a = 1") == "\n"); // no line ending at all
        CHECK(line_ending("") == "\n");
        CHECK(line_ending("\nb = 2") == "\n"); // an empty first line
    }

    TEST_CASE("several edits apply at their own offsets, whatever order they come in") {
        // "alpha beta gamma": alpha at 0-4, beta at 6-9, gamma at 11-15.
        const std::string_view text = "alpha beta gamma";
        SUBCASE("a replacement, an insertion and a replacement") {
            CHECK(apply_edits(text, {{11, 5, "delta"}, {0, 5, "ALPHA"}, {6, 0, "big "}}) ==
                  "ALPHA big beta delta");
        }
        SUBCASE("a deletion and a longer replacement") {
            CHECK(apply_edits(text, {{5, 5, ""}, {11, 5, "epsilon zeta"}}) == "alpha epsilon zeta");
        }
        SUBCASE("an insertion at the very end") {
            CHECK(apply_edits(text, {{16, 0, "\n"}, {0, 0, "# "}}) == "# alpha beta gamma\n");
        }
        SUBCASE("no edit") {
            CHECK(apply_edits(text, {}) == "alpha beta gamma");
        }
    }

    // Insertions at one offset do not overlap, and resolve_issue makes two (its status and its
    // date after the last key), but std::sort is not stable: past 16 edits libstdc++ reorders
    // equal offsets. Fixed by std::stable_sort in src/edit/text_edit.cpp.
    TEST_CASE("insertions at one offset come out in the order given") {
        std::vector<TextEdit> edits;
        std::string inserted;
        for (int i = 0; i < 20; ++i) {
            edits.push_back({1, 0, std::to_string(i) + ","});
            inserted += std::to_string(i) + ",";
        }
        CHECK(apply_edits("ab", edits) == "a" + inserted + "b");
    }

    TEST_CASE("a TOML string is quoted, with quotes and backslashes escaped") {
        CHECK(toml_string("") == "\"\"");
        CHECK(toml_string("plain text") == "\"plain text\"");
        CHECK(toml_string("say \"hi\"") == "\"say \\\"hi\\\"\"");
        CHECK(toml_string("C:\\temp\\") == "\"C:\\\\temp\\\\\"");
        CHECK(toml_string("it's") == "\"it's\""); // a single quote needs nothing
    }

    TEST_CASE("control characters in a TOML string are escaped, the common ones by letter") {
        CHECK(toml_string("a\nb") == "\"a\\nb\"");
        CHECK(toml_string("a\tb") == "\"a\\tb\"");
        CHECK(toml_string("a\rb") == "\"a\\rb\"");
        // TOML forbids every other control character and DEL unescaped: 4 upper-case hex digits.
        CHECK(toml_string(std::string_view("\0", 1)) == "\"\\u0000\"");
        CHECK(toml_string("\x01") == "\"\\u0001\"");
        CHECK(toml_string("bell\a") == "\"bell\\u0007\"");
        CHECK(toml_string("\x1b[1m") == "\"\\u001B[1m\"");
        CHECK(toml_string("\x1f") == "\"\\u001F\"");
        CHECK(toml_string("\x7f") == "\"\\u007F\"");
    }

    TEST_CASE("non-ASCII characters are kept as they are in a TOML string") {
        CHECK(toml_string("Zoë Müller, 50 €, 😀") == "\"Zoë Müller, 50 €, 😀\"");
    }
}
