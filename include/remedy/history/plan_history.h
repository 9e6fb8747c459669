#pragma once

#include "remedy/util/expected.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace remedy {

// One committed version of the plan file.
struct PlanVersion {
    std::string commit;                 // the full hash
    std::chrono::sys_seconds committed; // the committer date
    std::string path;                   // the plan's path in the repository at that commit
    std::string author;                 // the author's name, as the commit gives it
    std::string email;                  // the author's address
    std::string subject;                // the first line of the commit message
    std::optional<std::string> text;    // none when the file does not exist at that commit
};

// Every commit that changed `plan_file`, oldest first, following renames, each with the file's
// text at that commit. Runs git in the plan's folder: one `git log --follow` and one
// `git cat-file --batch` for all the versions. Reads the repository, never changes it. Fails
// (with a message for a person) when git cannot run, the folder is not in a git repository, or
// git does not track the file.
Expected<std::vector<PlanVersion>> read_plan_history(const std::string& plan_file);

} // namespace remedy
