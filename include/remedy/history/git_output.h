#pragma once

#include "remedy/history/plan_history.h"
#include "remedy/util/expected.h"

#include <string_view>
#include <vector>

namespace remedy {

// Parses the output of `git log -z --format=%x01%H %ct%x00%an%x00%ae%x00%s --name-only` (newest
// commit first) into the versions it names, with their authors and subjects, oldest first, each
// with the first path listed for it, a commit that lists none (a merge) taking the path of the next
// newer one.
Expected<std::vector<PlanVersion>> parse_log(std::string_view log);

// Parses the output of `git cat-file --batch` for one request per version, in the versions'
// order, setting the text of each version whose object is a blob and leaving it empty for one
// git reports "missing" or "ambiguous".
Expected<void> parse_batch(std::string_view out, std::vector<PlanVersion>& versions);

} // namespace remedy
