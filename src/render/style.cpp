#include "remedy/render/style.h"

namespace remedy {

std::string Style::paint(std::string_view text, Tone tone) const {
    if (!color || tone == Tone::plain)
        return std::string(text);
    const char* code = "";
    switch (tone) {
    case Tone::good:
        code = "\x1b[32m";
        break;
    case Tone::warn:
        code = "\x1b[33m";
        break;
    case Tone::bad:
        code = "\x1b[1;31m";
        break;
    case Tone::muted:
        code = "\x1b[2m";
        break;
    case Tone::strong:
        code = "\x1b[1m";
        break;
    case Tone::plain:
        break;
    }
    return std::string(code) + std::string(text) + "\x1b[0m";
}

} // namespace remedy
