#include "remedy/render/json_writer.h"

#include <cstdint>
#include <doctest/doctest.h>
#include <limits>
#include <string>
#include <string_view>

using namespace remedy;

TEST_SUITE("json_writer") {
    TEST_CASE("an object's members are on their own lines, two spaces in, in the order given") {
        JsonWriter json;
        json.begin_object().key("z").value(1).key("a").value("x").key("m").value(true).end_object();
        CHECK(json.finish() == "{\n"
                               "  \"z\": 1,\n"
                               "  \"a\": \"x\",\n"
                               "  \"m\": true\n"
                               "}\n");
    }

    TEST_CASE("nested objects and arrays indent two more spaces a level; empty ones stay shut") {
        JsonWriter json;
        json.begin_object();
        json.key("plan").value("Northwind");
        json.key("issues").begin_array();
        json.begin_object().key("id").value("NET-1").key("overdue").value(true).end_object();
        json.begin_object().key("id").value("NET-2").key("overdue").value(false).end_object();
        json.end_array();
        json.key("reasons").begin_array().end_array();
        json.key("penalties").begin_object().end_object();
        json.key("cap").null();
        json.key("matrix").begin_array();
        json.begin_array().value(1).value(2).end_array();
        json.begin_array().end_array();
        json.end_array();
        json.end_object();
        CHECK(json.finish() == R"({
  "plan": "Northwind",
  "issues": [
    {
      "id": "NET-1",
      "overdue": true
    },
    {
      "id": "NET-2",
      "overdue": false
    }
  ],
  "reasons": [],
  "penalties": {},
  "cap": null,
  "matrix": [
    [
      1,
      2
    ],
    []
  ]
}
)");
    }

    TEST_CASE("a document may be an array or a single value") {
        JsonWriter list;
        list.begin_array().value("a").null().value(false).end_array();
        CHECK(list.finish() == "[\n  \"a\",\n  null,\n  false\n]\n");
        JsonWriter single;
        single.value("alone");
        CHECK(single.finish() == "\"alone\"\n");
    }

    TEST_CASE("numbers are written in decimal, negative and 64-bit ones too") {
        JsonWriter json;
        json.begin_array()
            .value(0)
            .value(-17)
            .value(std::size_t{4000000000})
            .value(std::numeric_limits<std::int64_t>::max())
            .value(std::numeric_limits<std::int64_t>::min())
            .end_array();
        CHECK(json.finish() == "[\n"
                               "  0,\n"
                               "  -17,\n"
                               "  4000000000,\n"
                               "  9223372036854775807,\n"
                               "  -9223372036854775808\n"
                               "]\n");
    }

    TEST_CASE("a string's quotes and backslashes are escaped") {
        CHECK(json_quote("") == "\"\"");
        CHECK(json_quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
        CHECK(json_quote("C:\\temp\\") == "\"C:\\\\temp\\\\\"");
        CHECK(json_quote("a/b 'c'") == "\"a/b 'c'\""); // nothing else
    }

    TEST_CASE("control characters are escaped, the common ones by letter, the rest as \\u00xx") {
        CHECK(json_quote("a\nb\rc\td") == "\"a\\nb\\rc\\td\"");
        CHECK(json_quote(std::string_view("\0", 1)) == "\"\\u0000\"");
        CHECK(json_quote("\x01") == "\"\\u0001\"");
        CHECK(json_quote("\b\f") == "\"\\u0008\\u000c\"");
        CHECK(json_quote("\x1b[1m") == "\"\\u001b[1m\"");
        CHECK(json_quote("\x1f") == "\"\\u001f\"");
        CHECK(json_quote("\x7f") == "\"\x7f\""); // DEL needs no escape in JSON
    }

    TEST_CASE("keys are escaped like values") {
        JsonWriter json;
        json.begin_object().key("a\"b\n").value(1).end_object();
        CHECK(json.finish() == "{\n  \"a\\\"b\\n\": 1\n}\n");
    }

    TEST_CASE("UTF-8 is copied as it is") {
        CHECK(json_quote("Zoë Müller, 50 €, 😀") == "\"Zoë Müller, 50 €, 😀\"");
    }

    TEST_CASE("each byte that is not part of a UTF-8 character becomes \\ufffd") {
        SUBCASE("a byte that never starts a character") {
            CHECK(json_quote("a\xff"
                             "b") == "\"a\\ufffdb\"");
            CHECK(json_quote("\x80") == "\"\\ufffd\"");
        }
        SUBCASE("a character cut short, at the end and before ASCII") {
            CHECK(json_quote("a\xc3") == "\"a\\ufffd\"");
            CHECK(json_quote("\xc3(") == "\"\\ufffd(\"");
            // E2 82 is the start of €: both bytes are replaced.
            CHECK(json_quote("\xe2\x82") == "\"\\ufffd\\ufffd\"");
        }
        SUBCASE("an overlong form") {
            CHECK(json_quote("\xc0\xaf") == "\"\\ufffd\\ufffd\"");
        }
        SUBCASE("a surrogate") {
            CHECK(json_quote("\xed\xa0\x80") == "\"\\ufffd\\ufffd\\ufffd\"");
        }
        SUBCASE("good characters around a bad byte are kept") {
            CHECK(json_quote("é\xffé") == "\"é\\ufffdé\"");
        }
    }

    TEST_CASE("the writer is empty after finish") {
        JsonWriter json;
        json.value(1);
        CHECK(json.finish() == "1\n");
        CHECK(json.finish() == "\n");
    }
}
