#pragma once

#include "remedy/model/diagnostic.h"
#include "remedy/model/plan.h"

#include <optional>
#include <string>
#include <string_view>

namespace remedy {

// What reading a plan gives: the plan when it has no error, and every problem found either way.
struct LoadResult {
    std::optional<Plan> plan;
    Diagnostics diagnostics;
    bool file_read = true; // false: the file itself could not be read (missing, a directory)
};

// Parses `text` as TOML, reads every table of the format and checks every rule of SPEC.md.
// `file` is only used to name the place of each diagnostic.
LoadResult read_plan(std::string_view text, const std::string& file);

// Reads the file at `path` and then the plan in it; an unreadable file is one error.
LoadResult load_plan_file(const std::string& path);

} // namespace remedy
