#pragma once

// The walk along the first-parent line that finds the plan's versions: at each commit, the
// plan (a link followed) and the files it names, and a version wherever one of them changed.
// Private to the history layer (plan_history.cpp runs it).

#include "git_objects.h"
#include "remedy/history/git_output.h"
#include "remedy/history/plan_history.h"

#include <memory>
#include <string>
#include <vector>

namespace remedy {

// One commit of the first-parent line, with where the plan is in it.
struct LineCommit {
    CommitInfo info;
    std::string path;  // the plan's path at this commit
    bool link = false; // that path is a symbolic link
    ObjectAnswer plan; // what the commit holds there, the link followed
};

// Whether two commits hold the same plan at the same path (a link the same link).
bool same_plan(const LineCommit& a, const LineCommit& b);

// The files `plan` names, by the key that names them, each without its object yet.
std::vector<NamedFile> files_named_by(const Plan& plan);

// A named file's path in the repository: `named` relative to the folder of `plan_path`; none
// when it leaves the repository.
std::optional<std::string> repository_path(const std::string& plan_path, const std::string& named);

class VersionWalk {
public:
    VersionWalk(GitObjects& objects, const std::vector<LineCommit>& line)
        : objects_(objects), line_(line) {}

    // The versions among the commits from `start` to the line's end: each commit whose plan,
    // or a file the plan names, differs from the commit before it. `base` is the version before
    // `start` that reads (version_before), whose plan names the files until one of them reads.
    Expected<std::vector<PlanVersion>> versions_from(std::size_t start, const PlanVersion* base);

    // The last version before `start` whose plan reads, if any: the rules and the comparison
    // of the first version from `start`.
    Expected<std::optional<PlanVersion>> version_before(std::size_t start);

    // The version of commit `at`: its plan read (a link followed, the files it names read from
    // that commit), and those files' objects; `naming` names them when the plan does not read.
    Expected<PlanVersion> read_at(std::size_t at, const Plan* naming);

    // The files `plan` names, with their objects at commit `at`.
    Expected<std::vector<NamedFile>> files_at(std::size_t at, const Plan* plan);

private:
    GitObjects& objects_;
    const std::vector<LineCommit>& line_;
};

} // namespace remedy
