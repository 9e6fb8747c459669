#include "remedy/io/plan_finder.h"

#include <algorithm>
#include <set>
#include <system_error>

namespace remedy {

namespace fs = std::filesystem;

namespace {

// Hands each remedy.toml file under `folder` to `met`, in the order the disk lists them.
void search_folder(const fs::path& folder, const PlanFound& met) {
    std::error_code ec;
    // Without follow_directory_symlink a link to a folder is listed but not entered: no loops.
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
    for (const fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        std::error_code type_ec;
        if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec)) {
            if (entry.path().filename() == ".git")
                it.disable_recursion_pending();
            continue;
        }
        if (entry.path().filename() == "remedy.toml" && entry.is_regular_file(type_ec))
            met(entry.path().lexically_normal().string());
    }
}

} // namespace

std::vector<std::string> find_plans(const std::vector<std::string>& paths,
                                    const fs::path& working_dir) {
    return find_plans(paths, working_dir, [](const std::string&) {});
}

std::vector<std::string> find_plans(const std::vector<std::string>& paths,
                                    const fs::path& working_dir, const PlanFound& found) {
    std::vector<std::string> files;
    std::set<std::string> seen;
    const auto add = [&](std::string file) {
        if (!seen.insert(file).second)
            return;
        found(file);
        files.push_back(std::move(file));
    };
    const std::vector<std::string> searched = paths.empty() ? std::vector<std::string>{"."} : paths;
    for (const std::string& path : searched) {
        std::error_code ec;
        const fs::path place = fs::path(path).is_absolute() ? fs::path(path) : working_dir / path;
        if (!fs::is_directory(place, ec)) {
            add(path);
            continue;
        }
        const std::size_t first = files.size();
        search_folder(place, [&](const std::string& file) {
            // Shown as the user would type it: under the PATH they gave ("." adds nothing).
            const fs::path relative = fs::path(file).lexically_relative(place);
            add((fs::path(path) / relative).lexically_normal().string());
        });
        // In byte order of their paths, whatever order the disk listed them in.
        std::sort(files.begin() + static_cast<std::ptrdiff_t>(first), files.end());
    }
    return files;
}

} // namespace remedy
