#include "remedy/history/plan_history.h"

#include "child_process.h"

#include <charconv>
#include <filesystem>
#include <fmt/format.h>
#include <string_view>

namespace remedy {

namespace {

namespace fs = std::filesystem;

// git with settings that keep it from touching the repository (no optional index refresh) and
// from reading replacement objects or a pager.
Expected<ProcessResult> git(const std::string& cwd, std::vector<std::string> args,
                            const std::string& input = {}) {
    std::vector<std::string> argv = {"git", "--no-pager", "-c", "core.quotePath=false",
                                     "--no-optional-locks"};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv, cwd, input);
}

std::string first_line(std::string_view text) {
    const auto end = text.find('\n');
    return std::string(text.substr(0, end));
}

// The output of `git log -z --format=%x01%H %ct --name-only`: NUL-separated tokens, where a
// token starting with \x01 is a commit and the others are the paths it changed.
Expected<std::vector<PlanVersion>> parse_log(std::string_view log) {
    std::vector<PlanVersion> versions; // newest first
    while (!log.empty()) {
        const auto end = log.find('\0');
        std::string_view token = log.substr(0, end);
        log = end == std::string_view::npos ? std::string_view{} : log.substr(end + 1);
        while (!token.empty() && token.front() == '\n')
            token.remove_prefix(1);
        if (token.empty())
            continue;
        if (token.front() != '\x01') {
            if (!versions.empty() && versions.back().path.empty())
                versions.back().path = std::string(token);
            continue;
        }
        token.remove_prefix(1);
        const auto space = token.find(' ');
        long long seconds = 0;
        const std::string_view stamp = token.substr(space + 1);
        if (space == std::string_view::npos ||
            std::from_chars(stamp.data(), stamp.data() + stamp.size(), seconds).ec != std::errc{})
            return fail(fmt::format("unexpected output from git log: {}", token));
        PlanVersion version;
        version.commit = std::string(token.substr(0, space));
        version.committed = std::chrono::sys_seconds{std::chrono::seconds{seconds}};
        versions.push_back(std::move(version));
    }
    // A merge shows no paths: it holds the plan where the commit after it (in time) found it.
    for (std::size_t i = 1; i < versions.size(); ++i)
        if (versions[i].path.empty())
            versions[i].path = versions[i - 1].path;
    return std::vector<PlanVersion>(versions.rbegin(), versions.rend());
}

// Reads `git cat-file --batch` output for the requests, in order.
Expected<void> parse_batch(std::string_view out, std::vector<PlanVersion>& versions) {
    for (PlanVersion& version : versions) {
        const auto eol = out.find('\n');
        if (eol == std::string_view::npos)
            return fail("git cat-file stopped early");
        const std::string_view header = out.substr(0, eol);
        out.remove_prefix(eol + 1);
        if (header.ends_with(" missing") || header.ends_with(" ambiguous"))
            continue;
        const auto size_at = header.rfind(' ');
        std::size_t size = 0;
        const std::string_view digits = header.substr(size_at + 1);
        if (size_at == std::string_view::npos ||
            std::from_chars(digits.data(), digits.data() + digits.size(), size).ec != std::errc{} ||
            out.size() < size + 1)
            return fail(fmt::format("unexpected output from git cat-file: {}", header));
        if (header.find(" blob ") != std::string_view::npos)
            version.text = std::string(out.substr(0, size));
        out.remove_prefix(size + 1);
    }
    return {};
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
        git(folder, {"log", "-z", "--follow", "--format=%x01%H %ct", "--name-only", "--", name});
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
    for (const PlanVersion& version : *versions)
        requests += version.commit + ":" + version.path + "\n";
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
