#include "remedy/io/distinct_plans.h"

#include <algorithm>
#include <set>
#include <sys/stat.h>
#include <tuple>

namespace remedy {

namespace fs = std::filesystem;

namespace {

// What makes two names one plan: the file's device and inode, or, for a name that leads to no
// file, the absolute path it spells.
struct PlanIdentity {
    dev_t device = 0;
    ino_t inode = 0;
    std::string path; // empty when the file was found

    bool operator<(const PlanIdentity& other) const {
        return std::tie(device, inode, path) < std::tie(other.device, other.inode, other.path);
    }
};

// The seen names of the search, kept apart from find_plans' own loop (which only lists
// folders): one lstat a plan, the cost of telling names apart.
class DistinctNames {
public:
    DistinctNames(const fs::path& working_dir, const PlanFound& found)
        : working_dir_(working_dir), found_(found) {}

    // During the search: a plain file is judged at once; other names wait for the end.
    void met(const std::string& file) {
        struct stat info {};
        if (::lstat(place_of(file).c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
            info.st_nlink == 1) {
            keep_if_new(file, PlanIdentity{info.st_dev, info.st_ino, {}});
            return;
        }
        waiting_.insert(file);
    }

    // Once the search has ended: the names that waited, in the order given.
    std::vector<std::string> kept_of(std::vector<std::string> files) {
        for (const std::string& file : files)
            if (waiting_.count(file) > 0)
                keep_if_new(file, identity_behind(file));
        std::erase_if(files, [&](const std::string& file) { return kept_.count(file) == 0; });
        return files;
    }

private:
    fs::path place_of(const std::string& file) const {
        const fs::path path(file);
        return path.is_absolute() ? path : working_dir_ / path;
    }

    // The file a name leads to, through links; or the absolute path, when it leads nowhere.
    PlanIdentity identity_behind(const std::string& file) const {
        struct stat info {};
        const fs::path place = place_of(file);
        if (::stat(place.c_str(), &info) == 0)
            return PlanIdentity{info.st_dev, info.st_ino, {}};
        return PlanIdentity{0, 0, place.lexically_normal().string()};
    }

    void keep_if_new(const std::string& file, const PlanIdentity& identity) {
        if (!seen_.insert(identity).second)
            return;
        kept_.insert(file);
        found_(file);
    }

    const fs::path& working_dir_;
    const PlanFound& found_;
    std::set<PlanIdentity> seen_;
    std::set<std::string> kept_;
    std::set<std::string> waiting_;
};

} // namespace

std::vector<std::string> find_distinct_plans(const std::vector<std::string>& paths,
                                             const fs::path& working_dir, const PlanFound& found,
                                             const FolderSkipped& skipped) {
    DistinctNames names(working_dir, found);
    std::vector<std::string> files = find_plans(
        paths, working_dir, [&](const std::string& file) { names.met(file); }, skipped);
    return names.kept_of(std::move(files));
}

} // namespace remedy
