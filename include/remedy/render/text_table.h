#pragma once

#include "remedy/render/style.h"
#include "remedy/util/utf8.h" // display_width, which the table measures its cells with

#include <string>
#include <vector>

namespace remedy {

enum class Align { left, right };

// A table of columns padded to their widest cell, as `ls -l` or `git branch -v` print them.
// Widths count characters, not bytes, so that "Zoë" lines up; colour is added after padding.
class TextTable {
public:
    struct Cell {
        std::string text;
        Tone tone = Tone::plain;
    };

    explicit TextTable(std::vector<std::pair<std::string, Align>> columns);

    void add_row(std::vector<Cell> cells);

    // The header and the rows, each line indented by `indent` and ending in a newline; the last
    // column is not padded, so no line ends in spaces.
    std::string render(const Style& style, std::string_view indent = "") const;
    // The same, appended to `out`, so that a long table is not copied into the report.
    void render_to(std::string& out, const Style& style, std::string_view indent = "") const;

private:
    std::vector<std::pair<std::string, Align>> columns_;
    std::vector<std::vector<Cell>> rows_;
};

} // namespace remedy
