#include "remedy/render/letter_template.h"

#include <doctest/doctest.h>
#include <string>

using namespace remedy;

TEST_SUITE("wrap_text") {
    TEST_CASE("lines short enough are kept as they are, spaces and blank lines included") {
        CHECK(wrap_text("Dear Pat,\n\n  indented   spaced\n", 72) ==
              "Dear Pat,\n\n  indented   spaced\n");
    }

    TEST_CASE("the width counts characters, not bytes") {
        // "Zoë Müller" is 10 characters and 12 bytes.
        CHECK(wrap_text("Zoë Müller", 10) == "Zoë Müller");
        CHECK(wrap_text("Zoë Müller", 9) == "Zoë\nMüller");
    }

    TEST_CASE("a long line is re-flowed at spaces, a line of exactly the width kept") {
        CHECK(wrap_text("one two three four five", 10) == "one two\nthree four\nfive");
        CHECK(wrap_text("one two three four five\n", 10) == "one two\nthree four\nfive\n");
    }

    TEST_CASE("each long line is re-flowed on its own, short lines are not joined") {
        CHECK(wrap_text("aaa bbb\n\nccc ddd\nshort\n", 5) == "aaa\nbbb\n\nccc\nddd\nshort\n");
    }

    TEST_CASE("a list item continues under its text, two spaces in") {
        CHECK(wrap_text("- alpha beta gamma delta", 12) == "- alpha beta\n  gamma\n  delta");
        SUBCASE("an indented item continues under its own text") {
            CHECK(wrap_text("  - alpha beta gamma", 12) == "  - alpha\n    beta\n    gamma");
        }
    }

    TEST_CASE("an indented paragraph continues at its indent") {
        CHECK(wrap_text("    indented words here", 12) == "    indented\n    words\n    here");
    }

    TEST_CASE("a word longer than a line is cut between characters, never inside one") {
        SUBCASE("two-byte characters") {
            CHECK(wrap_text("ab ééééé", 4) == "ab\néééé\né");
        }
        SUBCASE("three-byte characters") {
            CHECK(wrap_text("€€€€€", 2) == "€€\n€€\n€");
        }
        SUBCASE("one, two, three and four bytes mixed") {
            CHECK(wrap_text("x aéb€c😀d", 3) == "x\naéb\n€c😀\nd");
        }
    }

    TEST_CASE("a word longer than a line is cut into full lines, nothing lost") {
        CHECK(wrap_text("see https://example.com/abcdefghij", 12) ==
              "see\nhttps://exam\nple.com/abcd\nefghij");
    }

    TEST_CASE("a word of 10 MB is cut into lines of the width, in linear time") {
        // Recounting the rest of the word for every line took hours on this input.
        const std::string word(10'000'000, 'x');
        const std::string wrapped = wrap_text("- " + word, 72);
        // The dash stays alone; the word follows on lines of the list item's indent and 70
        // characters, the last one shorter.
        REQUIRE(wrapped.substr(0, 2) == "-\n");
        std::size_t lines = 0;
        std::size_t characters = 0;
        std::size_t malformed = 0;
        for (std::size_t start = 2; start < wrapped.size();) {
            std::size_t end = wrapped.find('\n', start);
            if (end == std::string::npos)
                end = wrapped.size();
            const std::string_view line(wrapped.data() + start, end - start);
            const bool last = end == wrapped.size();
            malformed += line.substr(0, 2) != "  " || (last ? line.size() > 72 : line.size() != 72);
            characters += line.size() - 2;
            ++lines;
            start = end + 1;
        }
        CHECK(malformed == 0);
        CHECK(characters == word.size());
        CHECK(lines == (word.size() + 69) / 70);
    }
}
