#pragma once

#include "remedy/model/source.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// One replacement in a file's text: `length` bytes at `offset` become `replacement`.
struct TextEdit {
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string replacement;
};

// The byte offset of a place toml++ reported (1-based line, column in characters).
std::size_t byte_offset(std::string_view text, SourcePos pos);

// While one lives (on this thread), byte_offset on exactly its text (the same bytes at the same
// address) finds the line in an index of line starts instead of counting the lines from the
// top: for a change of many edits to one big text (remedy import records hundreds of facts in
// one text; counting lines for each was most of its time). The text must outlive it unchanged.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    ~LineIndex();
    LineIndex(const LineIndex&) = delete;
    LineIndex& operator=(const LineIndex&) = delete;

    // The offset where line `line` (1-based) starts, if this indexes `text` and has that line.
    std::optional<std::size_t> line_start(std::string_view text, std::uint32_t line) const;

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
    const LineIndex* outer_; // the index this one hides while it lives
};

// The offset just past the line that holds `offset`, its line ending included.
std::size_t end_of_line(std::string_view text, std::size_t offset);

// The offset of the start of the line that holds `offset`.
std::size_t start_of_line(std::string_view text, std::size_t offset);

// "\r\n" when the file's first line ends so, else "\n": new lines follow the file's style.
std::string_view line_ending(std::string_view text);

// `text` with every edit applied; the edits must not overlap.
std::string apply_edits(std::string_view text, std::vector<TextEdit> edits);

// A TOML basic string holding `value`, escaped.
std::string toml_string(std::string_view value);

} // namespace remedy
