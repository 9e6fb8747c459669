#include "remedy/render/mime.h"

#include "remedy/util/utf8.h"

#include <fmt/format.h>

namespace remedy {

namespace {

// RFC 5322 asks for 78; RFC 2047 allows 76 on a line with an encoded word. 76 serves both.
constexpr std::size_t max_line = 76;

bool is_ascii_printable(std::string_view text) {
    for (unsigned char c : text)
        if (c < 0x20 || c > 0x7e)
            return false;
    return true;
}

std::string base64(std::string_view bytes) {
    static constexpr char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned value = static_cast<unsigned char>(bytes[i]) << 16 |
                               static_cast<unsigned char>(bytes[i + 1]) << 8 |
                               static_cast<unsigned char>(bytes[i + 2]);
        for (int shift = 18; shift >= 0; shift -= 6)
            out += alphabet[(value >> shift) & 0x3f];
    }
    if (const std::size_t rest = bytes.size() - i; rest > 0) {
        unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2)
            value |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += alphabet[(value >> 18) & 0x3f];
        out += alphabet[(value >> 12) & 0x3f];
        out += rest == 2 ? alphabet[(value >> 6) & 0x3f] : '=';
        out += '=';
    }
    return out;
}

// RFC 2047 "B" words of at most 75 characters, never splitting a UTF-8 character.
std::vector<std::string> encoded_words(std::string_view text) {
    // 39 bytes make 52 base64 characters, a word of 64: it fits after "Subject: " on one line.
    constexpr std::size_t max_chunk = 39;
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = std::min(text.size(), start + max_chunk);
        while (end < text.size() && is_continuation_byte(text[end]))
            --end;
        words.push_back("=?UTF-8?B?" + base64(text.substr(start, end - start)) + "?=");
        start = end;
    }
    return words;
}

// Joins the tokens of one header, folding before a token that would pass the line limit.
std::string fold(std::string_view name, const std::vector<std::string>& tokens) {
    std::string out = std::string(name) + ":";
    std::size_t line_length = out.size();
    for (const std::string& token : tokens) {
        if (line_length + 1 + token.size() > max_line) {
            out += "\n";
            line_length = 0;
        }
        out += " " + token;
        line_length += 1 + token.size();
    }
    return out + "\n";
}

// A word that must not appear as it is in a header: one that is not printable ASCII, one too
// long for a line of its own, one a mail reader would decode as an encoded word of its own
// ("=?...?="), or one a CI runner would read as a command when the header is printed in its
// log ("::" at the start of a folded line, "##[" anywhere).
bool needs_encoding(std::string_view word) {
    return !is_ascii_printable(word) || 1 + word.size() > max_line || word.starts_with("::") ||
           word.find("##[") != std::string_view::npos || word.find("=?") != std::string_view::npos;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        if (end > start)
            words.emplace_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

// The tokens of unstructured text: its words as they are, and each run of words that need
// encoding as encoded words. A run is encoded whole, its spaces inside: a reader drops the
// white space between two encoded words, and keeps it between an encoded word and a plain one.
std::vector<std::string> text_tokens(std::string_view text) {
    if (!is_ascii_printable(text))
        return encoded_words(text);
    std::vector<std::string> tokens;
    std::string run;
    const auto end_run = [&] {
        if (run.empty())
            return;
        for (std::string& word : encoded_words(run))
            tokens.push_back(std::move(word));
        run.clear();
    };
    for (std::string& word : words_of(text)) {
        if (needs_encoding(word)) {
            run += (run.empty() ? "" : " ") + word;
            continue;
        }
        end_run();
        tokens.push_back(std::move(word));
    }
    end_run();
    return tokens;
}

// A display name as RFC 5322 wants it: an atom list, a quoted string, or encoded words.
std::vector<std::string> display_name_tokens(std::string_view name) {
    if (name.empty())
        return {};
    // Text that looks like an encoded word is encoded itself: inside a quoted string a strict
    // reader objects to it, and some decode it anyway.
    if (name.find("=?") != std::string_view::npos)
        return encoded_words(name);
    if (name.find_first_of("()<>[]:;@\\,.\"") == std::string_view::npos)
        return text_tokens(name);
    std::string quoted = "\"";
    for (char c : name) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    quoted += '"';
    if (needs_encoding(quoted))
        return encoded_words(name);
    return {quoted};
}

} // namespace

std::string header_field(std::string_view name, std::string_view value) {
    return fold(name, text_tokens(value));
}

std::string address_field(std::string_view name, const std::vector<MailAddress>& mailboxes) {
    // Each mailbox's tokens; the comma that separates mailboxes ends the last of them.
    std::vector<std::string> tokens;
    for (std::size_t m = 0; m < mailboxes.size(); ++m) {
        const MailAddress& mailbox = mailboxes[m];
        std::vector<std::string> parts = display_name_tokens(mailbox.display_name());
        // An addr-spec (parse_mail_address made it): printable ASCII without ':' or '[', so
        // written as it is it never starts a CI runner's command on a folded line.
        parts.push_back(parts.empty() ? mailbox.address() : "<" + mailbox.address() + ">");
        if (m + 1 < mailboxes.size())
            parts.back() += ",";
        tokens.insert(tokens.end(), parts.begin(), parts.end());
    }
    return fold(name, tokens);
}

std::string quoted_printable(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        const bool last = end == std::string_view::npos;
        if (last)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        std::string encoded_line;
        std::size_t length = 0;  // of the encoded line so far
        bool only_blanks = true; // the encoded line so far holds only spaces and tabs
        for (std::size_t i = 0; i < line.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(line[i]);
            const bool at_end = i + 1 == line.size();
            const bool literal =
                (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_end);
            // A soft break "=" first when the piece would not fit on the encoded line.
            if (length + (literal ? 1 : 3) > 75) {
                encoded_line += "=\n";
                length = 0;
                only_blanks = true;
            }
            // What the start of an encoded line must not be: "From " (mbox mangles it), a lone
            // "." (some SMTP paths end the message there), and, for a CI runner that prints the
            // message, "::" after blanks; nor may a line hold "##[". Encoded, each decodes to
            // the same text.
            const bool risky_start =
                length == 0 && (line.compare(i, 5, "From ") == 0 || (c == '.' && at_end));
            const bool command_marker =
                (only_blanks && line.compare(i, 2, "::") == 0) || line.compare(i, 3, "##[") == 0;
            const std::string piece = literal && !risky_start && !command_marker
                                          ? std::string(1, static_cast<char>(c))
                                          : fmt::format("={:02X}", c);
            if (length + piece.size() > 75) {
                encoded_line += "=\n";
                length = 0;
            }
            encoded_line += piece;
            length += piece.size();
            only_blanks = only_blanks && (c == ' ' || c == '\t') && piece.size() == 1;
        }
        if (last) {
            if (!line.empty())
                out += encoded_line + "=\n"; // text without a final newline keeps none
            break;
        }
        out += encoded_line + "\n";
        start = end + 1;
    }
    return out;
}

std::string base64_lines(std::string_view bytes) {
    const std::string encoded = base64(bytes);
    std::string out;
    for (std::size_t i = 0; i < encoded.size(); i += 76)
        out += encoded.substr(i, 76) + "\n";
    return out;
}

} // namespace remedy
