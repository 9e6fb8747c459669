// Terminal columns: what a portfolio row must fit in 80 of, whatever script its names are in.

#include "remedy/util/utf8.h"

#include <doctest/doctest.h>
#include <string>

using namespace remedy;

TEST_SUITE("display_width") {
    TEST_CASE("ASCII and accented letters take a column each") {
        CHECK(display_width("") == 0);
        CHECK(display_width("Acme Managed IT") == 15);
        CHECK(display_width("Régie du Léman") == 14);
        CHECK(display_width("Kölner Brauerei & Söhne") == 23);
    }

    TEST_CASE("East Asian wide and fullwidth characters take two") {
        CHECK(display_width("東京") == 4);
        CHECK(display_width("株式会社新宿") == 12);
        CHECK(display_width("서울") == 4);
        CHECK(display_width("ＡＢ") == 4);  // fullwidth Latin
        CHECK(display_width("ｶﾀｶﾅ") == 4);  // halfwidth katakana: one each
        CHECK(display_width("🐟 Ltd") == 6); // an emoji presentation character: two
    }

    TEST_CASE("combining marks and format characters take none") {
        CHECK(display_width("Cafe\u0301") == 4);               // e + COMBINING ACUTE ACCENT
        CHECK(display_width("a\u200Bb") == 2);                 // ZERO WIDTH SPACE
        CHECK(display_width("\xE1\x84\x80\xE1\x85\xA1") == 2); // Hangul jamo L + V: one syllable
    }

    TEST_CASE("a byte that is not UTF-8 counts as the U+FFFD shown for it") {
        CHECK(display_width("a\xFF"
                            "b") == 3);
    }

    TEST_CASE("the prefix that fits never cuts a character nor parts it from its marks") {
        CHECK(first_columns("株式会社", 5) == "株式"); // the third would straddle the edge
        CHECK(first_columns("株式会社", 6) == "株式会");
        CHECK(first_columns("Cafe\u0301 de", 4) == "Cafe\u0301");
        CHECK(first_columns("abc", 10) == "abc");
        CHECK(first_columns("abc", 0) == "");
    }

    TEST_CASE("column_width at the edges of the ranges") {
        CHECK(column_width(U'A') == 1);
        CHECK(column_width(0x10FF) == 1);
        CHECK(column_width(0x1100) == 2); // the first Hangul initial
        CHECK(column_width(0x115F) == 2);
        CHECK(column_width(0x1160) == 0); // medial vowels join the syllable
        CHECK(column_width(0x3000) == 2); // IDEOGRAPHIC SPACE
        CHECK(column_width(0x0301) == 0);
        CHECK(column_width(0x20000) == 2); // CJK extension B
        CHECK(column_width(0x2FFFD) == 2); // unassigned, but where ideographs go
        CHECK(column_width(0xE0001) == 0); // LANGUAGE TAG, a format character
        CHECK(column_width(0x10FFFF) == 1);
    }
}
