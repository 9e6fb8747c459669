#pragma once

#include <string>
#include <string_view>

namespace remedy {

// What a piece of text means to the reader; a terminal shows it as a colour.
enum class Tone { plain, good, warn, bad, muted, strong };

// Whether output is coloured: decided once by the command line (--color, NO_COLOR, a terminal).
struct Style {
    bool color = false;

    // `text` wrapped in the ANSI colour of `tone` when colour is on, else `text` unchanged.
    std::string paint(std::string_view text, Tone tone) const;
    // The same, appended to `out`: what a long table does, without a string per cell.
    void paint_to(std::string& out, std::string_view text, Tone tone) const;
};

} // namespace remedy
