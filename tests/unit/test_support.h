#pragma once

// What the unit tests share: naming a calendar day, and loading an inline plan that must be valid.

#include "remedy/io/plan_reader.h"
#include "remedy/model/diagnostic.h"

#include <date/date.h>
#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

// Lists of strings (diagnostics, reasons) are shown whole when a check fails.
namespace doctest {
template <> struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& lines) {
        std::string text = "{";
        for (const std::string& line : lines)
            text += "\n  \"" + line + "\"";
        text += lines.empty() ? "}" : "\n}";
        return String(text.c_str());
    }
};
} // namespace doctest

namespace remedy_test {

// The two tables every plan needs; each test writes the parts its behaviour depends on.
inline const std::string parties = R"(
[client]
name = "Northwind Traders"

[provider]
name = "Acme Managed IT"
)";

// A calendar day, written without going through the parser under test.
inline date::sys_days day(int year, unsigned month, unsigned day_of_month) {
    return date::sys_days{date::year{year} / date::month{month} / date::day{day_of_month}};
}

// Every diagnostic of a load, one compiler-style line each.
inline std::string diagnostics_text(const remedy::LoadResult& result) {
    std::string text;
    for (const remedy::Diagnostic& diagnostic : result.diagnostics)
        text += remedy::to_string(diagnostic) + "\n";
    return text;
}

// The plan written in `text`; the test stops (showing every diagnostic) when it is not valid.
inline remedy::Plan load(std::string_view text) {
    const remedy::LoadResult result = remedy::read_plan(text, "remedy.toml");
    const std::string diagnostics = diagnostics_text(result);
    INFO(diagnostics);
    REQUIRE(result.plan.has_value());
    return *result.plan;
}

} // namespace remedy_test
