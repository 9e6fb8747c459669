#include "io/utf8_check.h"
#include "remedy/io/plan_reader.h"

#include <doctest/doctest.h>

using remedy::first_invalid_utf8;
using remedy::SourcePos;

namespace {

std::string place(std::string_view text) {
    const std::optional<SourcePos> at = first_invalid_utf8(text);
    return at ? std::to_string(at->line) + ":" + std::to_string(at->column) : "valid";
}

} // namespace

TEST_SUITE("utf-8 check") {
    TEST_CASE("well-formed text of one to four bytes a character has no bad place") {
        CHECK(place("name = \"Café 東京 🙂\"\n") == "valid");
        CHECK(place("") == "valid");
    }

    TEST_CASE("the bad byte itself is named, its column counting characters") {
        CHECK(place("a\nname = \"N\xff\"") == "2:10");
        CHECK(place("a\nname = \"N\xc3\xa9\xff\"") == "2:11");
    }

    TEST_CASE("overlong forms, surrogates and code points above U+10FFFF are not UTF-8") {
        CHECK(place("x\xc0\xaf") == "1:2");         // '/' in two bytes
        CHECK(place("x\xe0\x80\xaf") == "1:2");     // '/' in three bytes
        CHECK(place("x\xed\xa0\x80") == "1:2");     // U+D800
        CHECK(place("x\xf4\x90\x80\x80") == "1:2"); // U+110000
        CHECK(place("x\xf5\x80\x80\x80") == "1:2");
        CHECK(place("x\x80") == "1:2"); // a continuation byte with no lead
    }

    TEST_CASE("a character cut short by the end of the file is bad") {
        CHECK(place("ab\xe2\x82") == "1:3");
    }

    TEST_CASE("a byte order mark at the start is not a character") {
        CHECK(place("\xEF\xBB\xBFx\xff") == "1:2");
    }

    TEST_CASE("a plan with a bad byte is refused at that byte") {
        const remedy::LoadResult result =
            remedy::read_plan("[client]\nname = \"Northwind \xff Traders\"\n", "remedy.toml");
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].pos.line == 2);
        CHECK(result.diagnostics[0].pos.column == 19);
    }
}
