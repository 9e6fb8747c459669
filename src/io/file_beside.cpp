#include "remedy/io/file_beside.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>

namespace remedy {

namespace fs = std::filesystem;

Expected<std::string> path_inside_folder(std::string_view named) {
    if (named.empty())
        return fail("it is empty");
    const fs::path path(named);
    if (path.is_absolute() || named.front() == '/')
        return fail("it is an absolute path");
    int depth = 0;
    for (const fs::path& part : path) {
        if (part == "..")
            --depth;
        else if (part != "." && !part.empty())
            ++depth;
        if (depth < 0)
            return fail("its \"..\" leads out of the plan's folder");
    }
    const fs::path normal = path.lexically_normal();
    if (depth == 0 || normal.empty() || normal == ".")
        return fail("it names the plan's folder itself");
    return normal.string();
}

Expected<std::string> path_beside_plan(const std::string& plan_file, std::string_view named) {
    TRY_ASSIGN(const std::string inside, path_inside_folder(named));
    const fs::path folder = fs::path(plan_file).parent_path();
    const fs::path path = folder / inside;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(path, ec)))
        return path.string(); // missing: reading it says so
    const fs::path real_folder = fs::canonical(folder.empty() ? fs::path(".") : folder, ec);
    if (ec)
        return fail(fmt::format("the plan's folder cannot be resolved: {}", ec.message()));
    const fs::path real = fs::canonical(path, ec);
    if (ec)
        return fail(fmt::format("it cannot be resolved: {}", ec.message()));
    // Inside when the folder's real path is a prefix of the file's, part by part.
    const auto [folder_end, file_at] =
        std::mismatch(real_folder.begin(), real_folder.end(), real.begin(), real.end());
    if (folder_end != real_folder.end() || file_at == real.end())
        return fail("a symbolic link on its way leads out of the plan's folder");
    return path.string();
}

} // namespace remedy
