#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>

namespace remedy {

// The shells a completion script is written for.
inline constexpr std::string_view completion_shells[] = {"bash", "zsh", "fish"};

// A completion script for `shell`, read off the command line's own definition so that it never
// drifts from it. Issue ids are asked of the binary at completion time (`__complete-ids`).
std::string completion_script(const CLI::App& app, std::string_view shell);

} // namespace remedy
