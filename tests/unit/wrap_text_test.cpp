#include "remedy/render/letter_template.h"

#include <doctest/doctest.h>
#include <string>

using namespace remedy;

TEST_SUITE("wrap_text") {
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
