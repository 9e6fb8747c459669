#include "utf8_check.h"

namespace remedy {

namespace {

// The length of the well-formed character at the start of `rest`, or 0.
std::size_t character_length(std::string_view rest) {
    const auto byte = [&](std::size_t i) {
        return static_cast<unsigned char>(rest[i]);
    };
    const unsigned char lead = byte(0);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned char low = 0x80; // the range the second byte must fall in
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            low = 0xA0; // overlong below U+0800
        if (lead == 0xED)
            high = 0x9F; // surrogates U+D800 to U+DFFF
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            low = 0x90; // overlong below U+10000
        if (lead == 0xF4)
            high = 0x8F; // above U+10FFFF
    } else {
        return 0; // a continuation byte, an overlong lead (C0, C1) or F5 to FF
    }
    if (rest.size() < length || byte(1) < low || byte(1) > high)
        return 0;
    for (std::size_t i = 2; i < length; ++i)
        if (byte(i) < 0x80 || byte(i) > 0xBF)
            return 0;
    return length;
}

} // namespace

std::optional<SourcePos> first_invalid_utf8(std::string_view text) {
    std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    SourcePos at{1, 1};
    while (i < text.size()) {
        const std::size_t length = character_length(text.substr(i));
        if (length == 0)
            return at;
        if (text[i] == '\n')
            at = {at.line + 1, 1};
        else
            ++at.column;
        i += length;
    }
    return std::nullopt;
}

} // namespace remedy
