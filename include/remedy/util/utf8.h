#pragma once

#include <cstddef>
#include <string_view>

namespace remedy {

// UTF-8 as RFC 3629 defines it, in one place: every reader, writer and escaper of remedy decodes
// with these, so that they agree on what is a character and what is a bad byte.

// The code point of the well-formed UTF-8 sequence at the start of `text` and its length in
// bytes; a length of 0 when the bytes there are not UTF-8 (a stray continuation byte, a
// truncated sequence, an overlong form, a surrogate, a value past U+10FFFF) or `text` is empty.
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 0;
};
CodePoint decode_utf8(std::string_view text);

// A byte 10xxxxxx, which continues a character and never starts one.
inline bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The number of characters (code points) of UTF-8 text: the bytes that are not continuation
// bytes. What limits count, and what a terminal column is for the text remedy prints.
std::size_t character_count(std::string_view text);

// The prefix of `text` that holds at most `characters` characters, never cutting one in two.
std::string_view first_characters(std::string_view text, std::size_t characters);

// U+FFFD, what a writer puts where the input had a byte that is not UTF-8.
inline constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

} // namespace remedy
