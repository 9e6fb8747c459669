#pragma once

// What the history says of a commit besides the plan it holds: the side commits a merge
// brought in, and its signature checked against the signers file of the rules it was recorded
// under. Private to the history layer.

#include "git_objects.h"
#include "remedy/history/plan_history.h"

#include <string>
#include <vector>

namespace remedy {

// The commits a merge brought in: reachable from its other parents, not from its first, in
// graph order, oldest first.
Expected<std::vector<SideCommit>> side_commits(const std::string& folder, const CommitInfo& merge);

// Sets the signature of each version from `first` on whose rules (the last version before it
// that reads; the first version, its own) name a signers file: git's own verification (gpg.format
// ssh) against that file as the rules' commit holds it. A commit cannot vouch for itself.
Expected<void> check_signatures(const std::string& folder, GitObjects& objects,
                                std::vector<PlanVersion>& versions, std::size_t first);

// The version whose people and signers judge versions[at]: the last one before it whose plan
// reads, or itself when none does; none when neither reads.
const PlanVersion* rules_of(const std::vector<PlanVersion>& versions, std::size_t at);

} // namespace remedy
