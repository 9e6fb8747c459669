#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace remedy {

// One question at a terminal: "Client name [Your Company]: " on standard error (standard output
// stays the command's), and the line typed on standard input; an empty line takes the default.
// None at the end of input (Ctrl-D): the person gave up.
std::optional<std::string> ask(std::string_view question, std::string_view default_answer);

} // namespace remedy
