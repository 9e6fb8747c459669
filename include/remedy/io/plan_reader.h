#pragma once

#include "remedy/model/diagnostic.h"
#include "remedy/model/plan.h"
#include "remedy/util/expected.h"

#include <functional>
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

// How the reader gets a file the plan names (calendar.holidays_file), given its path as the plan
// writes it, relative to the plan's folder.
using ReadNamedFile = std::function<Expected<std::string>(const std::string& named)>;

// Reads a named file from the disk, beside the plan at `plan_file`.
ReadNamedFile files_beside(const std::string& plan_file);

// Parses `text` as TOML, reads every table of the format and checks every rule of the plan.
// `file` names the place of each diagnostic; `read_named` reads the files the plan names
// (files_beside(file) when none is given).
LoadResult read_plan(std::string_view text, const std::string& file,
                     const ReadNamedFile& read_named = {});

// Reads the file at `path` and then the plan in it; an unreadable file is one error.
LoadResult load_plan_file(const std::string& path);

} // namespace remedy
