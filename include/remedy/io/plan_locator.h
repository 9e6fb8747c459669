#pragma once

#include "remedy/util/expected.h"

#include <filesystem>
#include <optional>
#include <string>

namespace remedy {

// The plan to use: `explicit_file` if given, else `env_file` if non-empty, else the first
// remedy.toml from `start_dir` upwards, as git finds .git. The path returned is the one to show
// in messages.
Expected<std::string> locate_plan(const std::optional<std::string>& explicit_file,
                                  const std::optional<std::string>& env_file,
                                  const std::filesystem::path& start_dir);

} // namespace remedy
