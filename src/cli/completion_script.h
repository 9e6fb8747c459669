#pragma once

#include "command.h"

#include <string>

namespace remedy {

// The shells a completion script is written for.
enum class Shell { bash, zsh, fish };
inline constexpr EnumNames<Shell, 3> shells{{{
    {Shell::bash, "bash"},
    {Shell::zsh, "zsh"},
    {Shell::fish, "fish"},
}}};

// A completion script for `shell`, read off the command table so that it never drifts from the
// command line. Issue ids are asked of the binary at completion time (`__complete-ids`).
std::string completion_script(const std::vector<Command>& commands, Shell shell);

} // namespace remedy
