#include "utf8_check.h"

#include "remedy/util/utf8.h"

namespace remedy {

std::optional<SourcePos> first_invalid_utf8(std::string_view text) {
    std::size_t i = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    SourcePos at{1, 1};
    while (i < text.size()) {
        const std::size_t length = decode_utf8(text.substr(i)).length;
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
