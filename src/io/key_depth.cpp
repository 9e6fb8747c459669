#include "key_depth.h"

#include "remedy/util/utf8.h"

#include <algorithm>
#include <array>

namespace remedy {

namespace {

// The characters of a bare key, as a table: this scan reads every byte of the plan before
// toml++ does, so one look-up a byte matters on a big plan.
constexpr std::array<bool, 256> bare_key_chars = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c)
        table[static_cast<std::size_t>(c)] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                                             (c >= '0' && c <= '9') || c == '_' || c == '-';
    return table;
}();

bool is_bare_key_char(char c) {
    return bare_key_chars[static_cast<unsigned char>(c)];
}

// The bytes a one-line string is scanned for: its closing quote, the end of the line, and in a
// basic string the backslash that may escape a quote.
constexpr std::array<bool, 256> stops_of(char quote) {
    std::array<bool, 256> stops{};
    stops[static_cast<unsigned char>(quote)] = true;
    stops['\n'] = true;
    if (quote == '"')
        stops['\\'] = true;
    return stops;
}
constexpr std::array<bool, 256> basic_string_stops = stops_of('"');
constexpr std::array<bool, 256> literal_stops = stops_of('\'');

// Whether the three quotes of a multi-line string start at `at`.
bool triple_quote_at(std::string_view text, std::size_t at, char quote) {
    return at + 3 <= text.size() && text[at] == quote && text[at + 1] == quote &&
           text[at + 2] == quote;
}

// What the scanner last saw outside strings and comments, for following a run of
// "part . part . part".
enum class Last { other, part, dot };

class Scanner {
public:
    Scanner(std::string_view text, std::size_t max_parts) : text_(text), max_parts_(max_parts) {}

    std::optional<SourcePos> run() {
        while (i_ < text_.size()) {
            const char c = text_[i_];
            if (c == '\n') {
                newline();
                ++i_;
            } else if (c == '#') {
                skip_comment();
            } else if (c == '"' || c == '\'') {
                if (triple_quote_at(text_, i_, c)) {
                    skip_multi_line_string(c);
                    forget_run();
                } else {
                    start_part();
                    skip_one_line_string(c);
                    last_ = Last::part;
                }
            } else if (c == '.') {
                if (last_ == Last::part) {
                    last_ = Last::dot;
                    if (++dots_ >= max_parts_)
                        return place_of(run_start_);
                } else {
                    forget_run();
                }
                ++i_;
            } else if (is_bare_key_char(c)) {
                start_part();
                while (i_ < text_.size() && is_bare_key_char(text_[i_]))
                    ++i_;
                last_ = Last::part;
            } else if (c == ' ' || c == '\t') {
                ++i_; // "a . b" is the same key as "a.b"
            } else {
                forget_run();
                ++i_;
            }
        }
        return std::nullopt;
    }

private:
    void forget_run() {
        last_ = Last::other;
        dots_ = 0;
    }

    // A part after a dot continues the key; any other part starts a new one.
    void start_part() {
        if (last_ != Last::dot) {
            run_start_ = i_;
            dots_ = 0;
        }
    }

    void newline() {
        ++line_;
        line_start_ = i_ + 1;
        forget_run();
    }

    void skip_comment() { i_ = std::min(text_.find('\n', i_), text_.size()); }

    // Up to the closing quote; a string left open at the end of its line ends there (the TOML
    // library reports it). Titles and reasons are most of a plan's bytes: the bytes that need
    // no look are passed over a run at a time.
    void skip_one_line_string(char quote) {
        const std::array<bool, 256>& stops = quote == '"' ? basic_string_stops : literal_stops;
        ++i_;
        for (;;) {
            while (i_ < text_.size() && !stops[static_cast<unsigned char>(text_[i_])])
                ++i_;
            if (i_ >= text_.size() || text_[i_] != '\\')
                break; // the closing quote, or the end of the line
            i_ += i_ + 1 < text_.size() && text_[i_ + 1] != '\n' ? 2 : 1;
        }
        if (i_ < text_.size() && text_[i_] == quote)
            ++i_;
    }

    // Up to three closing quotes, and the (at most two) quotes before them that are content.
    void skip_multi_line_string(char quote) {
        i_ += 3;
        while (i_ < text_.size()) {
            const char c = text_[i_];
            if (c == '\\' && quote == '"' && i_ + 1 < text_.size() && text_[i_ + 1] != '\n') {
                i_ += 2; // an escaped quote does not close the string
                continue;
            }
            if (c == '\n') {
                ++line_;
                line_start_ = i_ + 1;
            }
            if (triple_quote_at(text_, i_, quote)) {
                while (i_ < text_.size() && text_[i_] == quote)
                    ++i_;
                return;
            }
            ++i_;
        }
    }

    // Columns count characters, as the TOML library's do.
    SourcePos place_of(std::size_t offset) const {
        std::uint32_t column = 1;
        for (std::size_t k = line_start_; k < offset; ++k)
            column += !is_continuation_byte(text_[k]);
        return SourcePos{line_, column};
    }

    std::string_view text_;
    std::size_t max_parts_;
    std::size_t i_ = 0;
    std::uint32_t line_ = 1;
    std::size_t line_start_ = 0;
    Last last_ = Last::other;
    std::size_t dots_ = 0;
    std::size_t run_start_ = 0;
};

} // namespace

std::optional<SourcePos> find_too_deep_key(std::string_view text, std::size_t max_parts) {
    // A key of more than max_parts parts holds at least max_parts dots: a text with fewer dots
    // in all (most plans: a handful, in amounts and sentences) needs no scan. Dots are rare, so
    // memchr finds them far faster than the scanner walks the bytes between them.
    std::size_t dots = 0;
    for (std::size_t at = text.find('.'); at != std::string_view::npos && dots < max_parts;
         at = text.find('.', at + 1))
        ++dots;
    if (dots < max_parts)
        return std::nullopt;
    return Scanner(text, max_parts).run();
}

} // namespace remedy
