#include "remedy/history/plan_history.h"

#include "child_process.h"
#include "remedy/history/git_output.h"

#include <filesystem>
#include <fmt/format.h>
#include <string_view>

namespace remedy {

namespace {

namespace fs = std::filesystem;

// git with settings that keep it from touching the repository (no optional index refresh) and
// from reading replacement objects or a pager; a path is a path, never a pathspec with magic
// (a plan named ":(glob)*" or "::x" names that file).
Expected<ProcessResult> git(const std::string& cwd, std::vector<std::string> args,
                            const std::string& input = {}) {
    std::vector<std::string> argv = {"git",
                                     "--no-pager",
                                     "-c",
                                     "core.quotePath=false",
                                     "--no-optional-locks",
                                     "--literal-pathspecs"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, cwd, input);
}

std::string first_line(std::string_view text) {
    const auto end = text.find('\n');
    return std::string(text.substr(0, end));
}

} // namespace

Expected<std::vector<PlanVersion>> read_plan_history(const std::string& plan_file) {
    const fs::path plan(plan_file);
    const fs::path folder_path = plan.has_parent_path() ? plan.parent_path() : fs::path(".");
    const std::string folder = folder_path.string();
    const std::string name = plan.filename().string();
    std::error_code ec;
    if (!fs::is_directory(folder_path, ec))
        return fail(fmt::format("{}: no such folder", folder));

    const auto top = git(folder, {"rev-parse", "--show-toplevel"});
    if (!top)
        return fail(top.error());
    if (top->exit_status != 0)
        return fail(fmt::format("{} is not in a git repository, so it has no history ({})",
                                plan_file, first_line(top->err)));

    const auto tracked = git(folder, {"ls-files", "--error-unmatch", "--", name});
    if (!tracked)
        return fail(tracked.error());
    if (tracked->exit_status != 0)
        return fail(fmt::format("git does not track {}, so it has no history (git add and "
                                "commit it first)",
                                plan_file));

    const auto log =
        git(folder, {"log", "-z", "--follow", "--format=%x01%H %ct%x00%an%x00%ae%x00%s",
                     "--name-only", "--", name});
    if (!log)
        return fail(log.error());
    if (log->exit_status != 0)
        return fail(fmt::format("git log failed: {}", first_line(log->err)));
    Expected<std::vector<PlanVersion>> versions = parse_log(log->out);
    if (!versions)
        return versions;
    if (versions->empty())
        return fail(fmt::format("{} has no commits yet, so it has no history", plan_file));

    std::string requests;
    for (const PlanVersion& version : *versions) {
        // cat-file --batch reads one request a line, and echoes it for a missing object.
        if (version.path.find('\n') != std::string::npos)
            return fail(fmt::format("the plan's path at commit {} holds a line break, which git "
                                    "cannot be asked about; rename the file",
                                    version.commit.substr(0, 7)));
        requests += version.commit + ":" + version.path + "\n";
    }
    const auto blobs = git(folder, {"cat-file", "--batch"}, requests);
    if (!blobs)
        return fail(blobs.error());
    if (blobs->exit_status != 0)
        return fail(fmt::format("git cat-file failed: {}", first_line(blobs->err)));
    const Expected<void> parsed = parse_batch(blobs->out, versions.value());
    if (!parsed)
        return fail(parsed.error());
    return versions;
}

} // namespace remedy
