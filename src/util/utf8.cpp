#include "remedy/util/utf8.h"

#include <algorithm>

namespace remedy {

CodePoint decode_utf8(std::string_view text) {
    if (text.empty())
        return {};
    const auto byte = [&](std::size_t i) {
        return static_cast<unsigned char>(text[i]);
    };
    const unsigned char lead = byte(0);
    if (lead < 0x80)
        return {lead, 1};
    std::size_t length = 0;
    char32_t value = 0;
    unsigned char low = 0x80; // the range the second byte must fall in
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0F;
        if (lead == 0xE0)
            low = 0xA0; // overlong below U+0800
        if (lead == 0xED)
            high = 0x9F; // surrogates U+D800 to U+DFFF
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07;
        if (lead == 0xF0)
            low = 0x90; // overlong below U+10000
        if (lead == 0xF4)
            high = 0x8F; // above U+10FFFF
    } else {
        return {}; // a continuation byte, an overlong lead (C0, C1) or F5 to FF
    }
    if (text.size() < length || byte(1) < low || byte(1) > high)
        return {};
    for (std::size_t i = 1; i < length; ++i) {
        if (!is_continuation_byte(text[i]))
            return {};
        value = (value << 6) | (byte(i) & 0x3F);
    }
    return {value, length};
}

std::size_t character_count(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation_byte(c); }));
}

std::string_view first_characters(std::string_view text, std::size_t characters) {
    std::size_t end = 0;
    for (std::size_t counted = 0; end < text.size() && counted < characters; ++counted)
        do
            ++end;
        while (end < text.size() && is_continuation_byte(text[end]));
    return text.substr(0, end);
}

} // namespace remedy
