#include "remedy/render/text_table.h"

#include "remedy/util/utf8.h"

#include <algorithm>

namespace remedy {

TextTable::TextTable(std::vector<std::pair<std::string, Align>> columns)
    : columns_(std::move(columns)) {}

void TextTable::add_row(std::vector<Cell> cells) {
    cells.resize(columns_.size());
    rows_.push_back(std::move(cells));
}

std::string TextTable::render(const Style& style, std::string_view indent) const {
    std::string out;
    render_to(out, style, indent);
    return out;
}

void TextTable::render_to(std::string& out, const Style& style, std::string_view indent) const {
    std::vector<std::size_t> widths(columns_.size());
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        widths[c] = display_width(columns_[c].first);
        for (const auto& row : rows_)
            widths[c] = std::max(widths[c], display_width(row[c].text));
    }
    // Every line is written straight into `out`: a string per line or per painted cell cost
    // more than the rest of the table (docs/performance.md). Reserved once: a line is at most
    // the widths and the gaps (in characters, so a hint for UTF-8 or coloured text).
    std::size_t line_size = indent.size() + 1;
    for (std::size_t width : widths)
        line_size += width + 2;
    out.reserve(out.size() + (rows_.size() + 1) * line_size);
    const auto emit = [&](const std::vector<Cell>& cells) {
        const std::size_t line_start = out.size();
        out += indent;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const bool last = c + 1 == cells.size();
            const std::size_t pad = widths[c] - display_width(cells[c].text);
            if (columns_[c].second == Align::right)
                out.append(pad, ' ');
            style.paint_to(out, cells[c].text, cells[c].tone);
            if (columns_[c].second == Align::left && !last)
                out.append(pad, ' ');
            if (!last)
                out += "  ";
        }
        while (out.size() > line_start && out.back() == ' ')
            out.pop_back();
        out += '\n';
    };
    std::vector<Cell> header;
    for (const auto& column : columns_)
        header.push_back({column.first, Tone::strong});
    emit(header);
    for (const auto& row : rows_)
        emit(row);
}

} // namespace remedy
