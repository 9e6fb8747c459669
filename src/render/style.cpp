#include "remedy/render/style.h"

namespace remedy {

namespace {

// The ANSI code that starts `tone`; empty for plain text.
std::string_view code_of(Tone tone) {
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
    return code;
}

} // namespace

std::string Style::paint(std::string_view text, Tone tone) const {
    std::string out;
    paint_to(out, text, tone);
    return out;
}

void Style::paint_to(std::string& out, std::string_view text, Tone tone) const {
    if (!color || tone == Tone::plain) {
        out += text;
        return;
    }
    out += code_of(tone);
    out += text;
    out += "\x1b[0m";
}

} // namespace remedy
