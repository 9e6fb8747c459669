#include "remedy/io/csv_reader.h"

#include "remedy/util/utf8.h"

#include <fmt/format.h>

namespace remedy {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

// The separator the header line uses: the one of ',' and ';' it holds more of outside quotes
// (a comma on a tie, and for a header of one column).
char separator_of(std::string_view text) {
    std::size_t commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted)
            (c == ',' ? commas : semicolons) += c == ',' || c == ';';
    }
    return semicolons > commas ? ';' : ',';
}

// The first byte of `text` that is not UTF-8, if any (ASCII, most of an export, is skipped
// a byte at a time without decoding).
std::optional<unsigned char> first_bad_byte(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const CodePoint point = decode_utf8(text.substr(i));
        if (point.length == 0)
            return static_cast<unsigned char>(text[i]);
        i += point.length;
    }
    return std::nullopt;
}

class CsvReader {
public:
    CsvReader(std::string_view text, char separator, std::uint32_t first_line)
        : text_(text), separator_(separator), line_(first_line) {}

    bool done() const { return at_ >= text_.size(); }

    // The next record: its line and cells; a blank line is a record of one empty cell.
    Expected<ExportRow, RowError> record() {
        ExportRow row;
        row.line = line_;
        for (;;) {
            std::string cell;
            if (const Expected<void> read = read_cell(row.line, cell); !read)
                return Unexpected<RowError>{RowError{row.line, read.error()}};
            if (const std::optional<unsigned char> bad = first_bad_byte(cell))
                return Unexpected<RowError>{RowError{
                    row.line, fmt::format("the export is not UTF-8 here (a byte 0x{:02X}); save "
                                          "it as UTF-8 (\"CSV UTF-8\" in Excel)",
                                          *bad)}};
            row.cells.push_back(std::move(cell));
            if (done())
                return row;
            const char c = text_[at_];
            if (c == separator_) {
                ++at_;
                continue;
            }
            line_break();
            return row;
        }
    }

private:
    // Takes a line break (LF, CRLF or a lone CR) at at_, counting the line.
    void line_break() {
        if (text_[at_] == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n')
            ++at_;
        ++at_;
        ++line_;
    }

    Expected<void> read_cell(std::uint32_t row_line, std::string& cell) {
        // Blanks before an opening quote are not part of the cell (`a, "b, c"`).
        std::size_t start = at_;
        while (start < text_.size() && is_blank(text_[start]))
            ++start;
        if (start < text_.size() && text_[start] == '"')
            return read_quoted(start + 1, row_line, cell);
        std::size_t end = at_;
        while (end < text_.size() && text_[end] != separator_ && text_[end] != '\n' &&
               text_[end] != '\r')
            ++end;
        cell.assign(text_.substr(at_, end - at_));
        at_ = end;
        return {};
    }

    Expected<void> read_quoted(std::size_t from, std::uint32_t row_line, std::string& cell) {
        const std::uint32_t opened_on = line_;
        std::size_t at = from;
        for (;;) {
            const std::size_t quote = text_.find('"', at);
            if (quote == std::string_view::npos)
                return fail(fmt::format("a quote opened in the row that begins on line {} is never "
                                        "closed (the rest of the file would be one cell)",
                                        row_line));
            count_lines(text_.substr(at, quote - at));
            cell.append(text_.substr(at, quote - at));
            if (quote + 1 < text_.size() && text_[quote + 1] == '"') {
                cell += '"';
                at = quote + 2;
                continue;
            }
            at = quote + 1;
            break;
        }
        while (at < text_.size() && is_blank(text_[at]))
            ++at;
        if (at < text_.size() && text_[at] != separator_ && text_[at] != '\n' &&
            text_[at] != '\r') {
            // A quote left open pairs with the next one, often rows later: say both lines.
            if (line_ != opened_on)
                return fail(fmt::format("the quote opened on line {} closes on line {} and text "
                                        "follows it: a quote is not closed, or one inside a "
                                        "quoted cell is not written twice (\"\")",
                                        opened_on, line_));
            return fail(fmt::format("text after the closing quote of a cell (line {}); a quote "
                                    "inside a quoted cell is written twice (\"\")",
                                    line_));
        }
        at_ = at;
        return {};
    }

    // The line breaks inside a quoted cell, counted as the ones between records are.
    void count_lines(std::string_view part) {
        for (std::size_t i = 0; i < part.size(); ++i)
            if (part[i] == '\n' ||
                (part[i] == '\r' && (i + 1 == part.size() || part[i + 1] != '\n')))
                ++line_;
    }

    std::string_view text_;
    const char separator_;
    std::size_t at_ = 0;
    std::uint32_t line_;
};

bool blank_record(const ExportRow& row) {
    return row.cells.size() == 1 && row.cells.front().find_first_not_of(" \t") == std::string::npos;
}

} // namespace

Expected<ExportTable, RowError> read_csv(std::string_view text) {
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF"))
        return Unexpected<RowError>{RowError{
            1, "the export is UTF-16; remedy reads UTF-8 (save it as \"CSV UTF-8\" in Excel)"}};
    if (text.starts_with(utf8_bom))
        text.remove_prefix(utf8_bom.size());
    // Excel's own hint, a first line "sep=;", names the separator; it is no header.
    std::uint32_t first_line = 1;
    char separator = '\0';
    if (text.starts_with("sep=") && text.size() > 4 && text[4] != '\r' && text[4] != '\n') {
        const std::size_t end = text.find_first_of("\r\n");
        if (end == 5) {
            separator = text[4];
            text.remove_prefix(text.compare(end, 2, "\r\n") == 0 ? end + 2 : end + 1);
            first_line = 2;
        }
    }
    if (separator == '\0')
        separator = separator_of(text);
    CsvReader reader(text, separator, first_line);
    ExportTable table;
    bool header = false;
    while (!reader.done()) {
        Expected<ExportRow, RowError> row = reader.record();
        if (!row)
            return Unexpected<RowError>{row.error()};
        if (blank_record(*row))
            continue;
        if (!header) {
            table.header = std::move(row->cells);
            table.header_line = row->line;
            header = true;
            continue;
        }
        std::size_t cells = row->cells.size();
        while (cells > table.header.size() &&
               row->cells[cells - 1].find_first_not_of(" \t") == std::string::npos)
            --cells;
        if (cells > table.header.size())
            return Unexpected<RowError>{RowError{
                row->line,
                fmt::format("the row has {} cells and the header {}: is a '{}' inside a cell "
                            "that is not in quotes?",
                            cells, table.header.size(), separator)}};
        row->cells.resize(cells);
        table.rows.push_back(std::move(*row));
    }
    if (!header)
        return Unexpected<RowError>{RowError{1, "the export is empty: it has no header line"}};
    return table;
}

} // namespace remedy
