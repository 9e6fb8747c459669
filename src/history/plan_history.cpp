#include "remedy/history/plan_history.h"

#include "child_process.h"
#include "commit_details.h"
#include "git_objects.h"
#include "remedy/history/git_output.h"
#include "version_walk.h"

#include <filesystem>
#include <fmt/format.h>
#include <set>
#include <string_view>

namespace remedy {

namespace {

namespace fs = std::filesystem;

Expected<ProcessResult> git(const std::string& cwd, std::vector<std::string> args,
                            const std::string& input = {}) {
    return run_process(git_command(std::move(args)), cwd, input);
}

std::string first_line(std::string_view text) {
    const auto end = text.find('\n');
    return std::string(text.substr(0, end));
}

// git's output of a command that must succeed.
Expected<std::string> git_output(const std::string& folder, std::vector<std::string> args,
                                 std::string_view what) {
    TRY_ASSIGN(ProcessResult result, git(folder, std::move(args)));
    if (result.exit_status != 0)
        return fail(fmt::format("{} failed: {}", what, first_line(result.err)));
    return std::move(result.out);
}

// The commit a range ends at, and the commits it holds: "A..B" ends at B (HEAD when empty);
// none given, the last commit alone.
struct RangeCommits {
    std::string end;
    std::set<std::string> commits;
};

Expected<RangeCommits> range_commits(const std::string& folder, const std::string& range) {
    if (!range.empty() && range.front() == '-')
        return fail(fmt::format("'{}' is not a range of commits such as HEAD~3..HEAD", range));
    const std::size_t dots = range.find("..");
    std::string end = dots == std::string::npos ? range : range.substr(dots + 2);
    if (!end.empty() && end.front() == '.')
        end.erase(0, 1); // A...B
    if (end.empty())
        end = "HEAD";
    TRY_ASSIGN(const ProcessResult tip, git(folder, {"rev-parse", "--verify", "--quiet",
                                                     "--end-of-options", end + "^{commit}"}));
    if (tip.exit_status != 0)
        return fail(fmt::format("'{}' names no commit of the repository", end));
    RangeCommits out{first_line(tip.out), {}};
    if (range.empty()) {
        out.commits.insert(out.end);
        return out;
    }
    TRY_ASSIGN(const ProcessResult listed,
               git(folder, {"rev-list", "--first-parent", "--end-of-options", range}));
    if (listed.exit_status != 0)
        return fail(
            fmt::format("'{}' is not a range of commits: {}", range, first_line(listed.err)));
    std::string_view rest = listed.out;
    while (!rest.empty()) {
        const std::size_t eol = std::min(rest.find('\n'), rest.size());
        if (eol > 0)
            out.commits.emplace(rest.substr(0, eol));
        rest.remove_prefix(std::min(eol + 1, rest.size()));
    }
    return out;
}

// Where the plan is at each commit of the line: the path of the last commit at or before it
// that changed it (renames followed), and what the commit holds there.
Expected<std::vector<LineCommit>> plan_line(const std::string& folder,
                                            const std::vector<CommitInfo>& commits,
                                            const std::vector<PlanTouch>& touches) {
    std::vector<LineCommit> line;
    line.reserve(commits.size());
    std::size_t touch = 0;
    std::string requests;
    for (const CommitInfo& info : commits) {
        if (touch < touches.size() && touches[touch].commit == info.commit)
            ++touch;
        if (touch == 0)
            continue; // before the plan's first commit
        const PlanTouch& where = touches[touch - 1];
        line.push_back({info, where.path, where.link, {}});
        requests += info.commit + ":" + where.path + "\n";
    }
    // Every commit at once: one request a line, the links inside the repository followed.
    TRY_ASSIGN(const ProcessResult answers,
               git(folder, {"cat-file", "--batch-check", "--follow-symlinks"}, requests));
    if (answers.exit_status != 0)
        return fail(fmt::format("git cat-file failed: {}", first_line(answers.err)));
    std::string_view out = answers.out;
    for (LineCommit& commit : line) {
        const std::size_t eol = out.find('\n');
        if (eol == std::string_view::npos)
            return fail("git cat-file stopped early");
        TRY_ASSIGN(commit.plan, parse_object_header(out.substr(0, eol)));
        out.remove_prefix(eol + 1);
        if (commit.plan.size) {
            if (out.size() < *commit.plan.size + 1)
                return fail("git cat-file stopped early");
            commit.plan.target = std::string(out.substr(0, *commit.plan.size));
            out.remove_prefix(*commit.plan.size + 1);
            commit.plan.size.reset();
        }
    }
    return line;
}

// The first commit of the line the scope asks about.
Expected<std::size_t> scope_start(VersionWalk& walk, const std::vector<LineCommit>& line,
                                  HistoryScope scope, const std::set<std::string>& in_range) {
    if (scope == HistoryScope::everything || line.empty())
        return std::size_t{0};
    if (scope == HistoryScope::range) {
        for (std::size_t at = 0; at < line.size(); ++at)
            if (in_range.count(line[at].info.commit))
                return at;
        return line.size();
    }
    // The newest version: the last commit whose plan, or a file the newest plan names,
    // differs from the commit before it.
    TRY_ASSIGN(const PlanVersion newest, walk.read_at(line.size() - 1, nullptr));
    const Plan* naming = newest.loaded && newest.loaded->plan ? &*newest.loaded->plan : nullptr;
    std::vector<NamedFile> after = newest.files;
    for (std::size_t at = line.size() - 1; at > 0; --at) {
        const LineCommit& a = line[at - 1];
        const LineCommit& b = line[at];
        if (!same_plan(a, b))
            return at;
        TRY_ASSIGN(std::vector<NamedFile> before, walk.files_at(at - 1, naming));
        if (before != after)
            return at;
        after = std::move(before);
    }
    return std::size_t{0};
}

} // namespace

Expected<PlanRecord> read_plan_history(const std::string& plan_file, HistoryScope scope,
                                       const std::string& range) {
    const fs::path plan(plan_file);
    const fs::path folder_path = plan.has_parent_path() ? plan.parent_path() : fs::path(".");
    const std::string folder = folder_path.string();
    const std::string name = plan.filename().string();
    std::error_code ec;
    if (!fs::is_directory(folder_path, ec))
        return fail(fmt::format("{}: no such folder", folder));

    TRY_ASSIGN(const ProcessResult top, git(folder, {"rev-parse", "--show-toplevel"}));
    if (top.exit_status != 0)
        return fail(fmt::format("{} is not in a git repository, so it has no history ({})",
                                plan_file, first_line(top.err)));
    TRY_ASSIGN(const ProcessResult tracked,
               git(folder, {"ls-files", "--error-unmatch", "--", name}));
    if (tracked.exit_status != 0)
        return fail(fmt::format("git does not track {}, so it has no history (git add and "
                                "commit it first)",
                                plan_file));
    TRY_ASSIGN(const ProcessResult head,
               git(folder, {"rev-parse", "--verify", "--quiet", "HEAD^{commit}"}));
    if (head.exit_status != 0)
        return fail(fmt::format("{} has no commits yet, so it has no history", plan_file));
    RangeCommits commits_asked{first_line(head.out), {}};
    if (scope == HistoryScope::range) {
        TRY_ASSIGN(commits_asked, range_commits(folder, range));
    }
    PlanRecord record;
    record.end = commits_asked.end;

    // The commits that changed the plan's path, renames followed, and the whole first-parent
    // line from the first of them, in graph order: never sorted by the dates a pusher sets.
    TRY_ASSIGN(const std::string follow,
               git_output(folder,
                          {"log", "--first-parent", "--topo-order", "--follow", "-z",
                           "--format=%x01%H", "--raw", record.end, "--", name},
                          "git log"));
    TRY_ASSIGN(const std::vector<PlanTouch> touches, parse_follow_log(follow));
    if (touches.empty())
        return fail(fmt::format("{} has no commits yet, so it has no history", plan_file));
    for (const PlanTouch& touch : touches)
        // git cat-file reads one request a line, and echoes it for a missing object.
        if (touch.path.find('\n') != std::string::npos)
            return fail(fmt::format("the plan's path at commit {} holds a line break, which git "
                                    "cannot be asked about; rename the file",
                                    touch.commit.substr(0, 7)));
    TRY_ASSIGN(const std::string log,
               git_output(folder,
                          {"log", "--first-parent", "--topo-order", "-z",
                           fmt::format("--format={}", line_format), record.end, "--not",
                           touches.front().commit + "^@"},
                          "git log"));
    TRY_ASSIGN(const std::vector<CommitInfo> commits, parse_commit_log(log));
    TRY_ASSIGN(const std::vector<LineCommit> line, plan_line(folder, commits, touches));

    for (const LineCommit& commit : line)
        record.line_times.push_back(commit.info.committed);
    TRY_ASSIGN(GitObjects objects, GitObjects::open(folder));
    VersionWalk walk(objects, line);
    TRY_ASSIGN(const std::size_t start, scope_start(walk, line, scope, commits_asked.commits));
    if (start > 0) {
        TRY_ASSIGN(std::optional<PlanVersion> base, walk.version_before(start));
        if (base) {
            record.versions.push_back(std::move(*base));
            record.first_shown = 1;
        }
    }
    if (start < line.size()) {
        TRY_ASSIGN(
            std::vector<PlanVersion> shown,
            walk.versions_from(start, record.first_shown ? &record.versions.front() : nullptr));
        for (PlanVersion& version : shown)
            record.versions.push_back(std::move(version));
    }
    for (std::size_t at = record.first_shown; at < record.versions.size(); ++at)
        if (record.versions[at].info.parents.size() > 1) {
            TRY_ASSIGN(record.versions[at].side_commits,
                       side_commits(folder, record.versions[at].info));
        }
    TRY(check_signatures(folder, objects, record.versions, record.first_shown));
    // The plan as the line's last commit holds it (for check --commits to judge): the newest
    // version's, as nothing changed after it.
    if (record.versions.size() > record.first_shown) {
        record.at_end = record.versions.back().loaded;
        record.end_error = record.versions.back().error;
    } else if (!line.empty()) {
        TRY_ASSIGN(const PlanVersion last, walk.read_at(line.size() - 1, nullptr));
        record.at_end = last.loaded;
        record.end_error = last.error;
    }
    return record;
}

} // namespace remedy
