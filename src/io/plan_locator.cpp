#include "remedy/io/plan_locator.h"

#include <fmt/format.h>
#include <system_error>

namespace remedy {

namespace fs = std::filesystem;

Expected<std::string> locate_plan(const std::optional<std::string>& explicit_file,
                                  const std::optional<std::string>& env_file,
                                  const fs::path& start_dir) {
    if (explicit_file)
        return *explicit_file;
    if (env_file && !env_file->empty())
        return *env_file;
    std::error_code ec;
    const fs::path start = fs::absolute(start_dir, ec);
    if (ec)
        return fail(fmt::format("cannot resolve the working directory: {}", ec.message()));
    for (fs::path dir = start;; dir = dir.parent_path()) {
        const fs::path candidate = dir / "remedy.toml";
        if (fs::is_regular_file(candidate, ec)) {
            // Show the path the way the user would type it from where they stand.
            const fs::path shown =
                dir == start ? fs::path("remedy.toml") : candidate.lexically_proximate(start);
            return shown.string();
        }
        if (dir == dir.parent_path())
            break;
    }
    return fail(fmt::format("no plan found: no remedy.toml in {} or any directory above it",
                            start.string()));
}

} // namespace remedy
