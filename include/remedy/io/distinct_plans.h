#pragma once

#include "remedy/io/plan_finder.h"

#include <filesystem>
#include <string>
#include <vector>

namespace remedy {

// The plans `check` and `portfolio` judge: those find_plans finds, each judged once however
// many names the PATHs give it (`a/x`, `./a/x`, an absolute path, a link to it), by the file
// itself (its device and inode; a file that cannot be found, by its absolute path without `.`
// and `..`). `found` is called once a plan, as find_plans calls it: a plain file (no link, one
// name) at once, while the search goes on; a name that is a link or shares its file with
// another name once the search ends, in the order returned, so that the name kept does not
// depend on the order the disk lists a folder in. The name kept is the first of those met:
// the plain file's own name before a link's, then in the order of the PATHs. The files
// returned are those given to `found`, in find_plans' order.
std::vector<std::string> find_distinct_plans(const std::vector<std::string>& paths,
                                             const std::filesystem::path& working_dir,
                                             const PlanFound& found, const FolderSkipped& skipped);

} // namespace remedy
