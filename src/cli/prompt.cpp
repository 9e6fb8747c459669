#include "prompt.h"

#include "remedy/render/escape.h"

#include <fmt/format.h>
#include <iostream>

namespace remedy {

std::optional<std::string> ask(std::string_view question, std::string_view default_answer) {
    std::cerr << (default_answer.empty()
                      ? fmt::format("{}: ", question)
                      : fmt::format("{} [{}]: ", question, terminal_text(default_answer)))
              << std::flush;
    std::string line;
    if (!std::getline(std::cin, line))
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line.empty() ? std::string(default_answer) : line;
}

} // namespace remedy
