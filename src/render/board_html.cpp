#include "board_html.h"

#include "remedy/model/dates.h"
#include "remedy/render/escape.h"

#include <fmt/format.h>
#include <iterator>

namespace remedy::board {

Cell text(std::string_view plain) {
    return {html_text(plain)};
}
Cell number(std::string plain, std::string_view figure) {
    return {html_text(plain), figure, true};
}
Cell day(date::sys_days value) {
    return {format_iso_date(value), {}, false, true};
}

void table(std::string& out, std::string_view class_name, std::string_view caption,
           const std::vector<std::string_view>& headers, const std::vector<std::vector<Cell>>& rows,
           RowNames names) {
    fmt::format_to(std::back_inserter(out), "<table class=\"{}\">\n", class_name);
    if (!caption.empty())
        fmt::format_to(std::back_inserter(out), "<caption>{}</caption>\n", html_text(caption));
    out += "<thead><tr>";
    for (std::string_view header : headers)
        fmt::format_to(std::back_inserter(out), "<th scope=\"col\">{}</th>", html_text(header));
    out += "</tr></thead>\n<tbody>\n";
    for (const std::vector<Cell>& row : rows) {
        out += "<tr>";
        for (std::size_t c = 0; c < row.size(); ++c) {
            const bool head = c == 0 && names == RowNames::first_cell;
            const Cell& cell = row[c];
            fmt::format_to(std::back_inserter(out), "<{}{}{}{}>{}</{}>",
                           head ? "th scope=\"row\"" : "td",
                           cell.number ? " class=\"number\""
                           : cell.day  ? " class=\"day\""
                                       : "",
                           cell.figure.empty() ? "" : " data-figure=\"",
                           cell.figure.empty() ? std::string() : html_attribute(cell.figure) + "\"",
                           cell.html, head ? "th" : "td");
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
}

void section(std::string& out, std::string_view id, std::string_view heading) {
    fmt::format_to(std::back_inserter(out), "<section id=\"{}\">\n<h2>{}</h2>\n", id,
                   html_text(heading));
}

void paragraph(std::string& out, std::string_view plain) {
    fmt::format_to(std::back_inserter(out), "<p>{}</p>\n", html_text(plain));
}

// "First letter up" for a phrase shared with the terminal reports, which start lower case.
std::string sentence(std::string phrase) {
    if (!phrase.empty() && phrase[0] >= 'a' && phrase[0] <= 'z')
        phrase[0] = static_cast<char>(phrase[0] - 'a' + 'A');
    return phrase + ".";
}

} // namespace remedy::board
