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

// git's output of a command that must succeed.
Expected<std::string> git_output(const std::string& folder, std::vector<std::string> args,
                                 std::string_view what) {
    TRY_ASSIGN(ProcessResult result, run_git(folder, std::move(args)));
    if (result.exit_status != 0)
        return fail(fmt::format("{} failed: {}", what, first_line(result.err)));
    return std::move(result.out);
}

// Why a plan has no history: git does not track it, or it is in no commit yet.
Unexpected<std::string> untracked(const std::string& folder, const std::string& plan_file,
                                  const std::string& name) {
    const Expected<ProcessResult> tracked =
        run_git(folder, {"ls-files", "--error-unmatch", "--", name});
    if (tracked && tracked->exit_status != 0)
        return fail(fmt::format("git does not track {}, so it has no history (git add and "
                                "commit it first)",
                                plan_file));
    return fail(fmt::format("{} has no commits yet, so it has no history", plan_file));
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
    TRY_ASSIGN(const ProcessResult tip, run_git(folder, {"rev-parse", "--verify", "--quiet",
                                                         "--end-of-options", end + "^{commit}"}));
    if (tip.exit_status != 0)
        return fail(fmt::format("'{}' names no commit of the repository", end));
    RangeCommits out{first_line(tip.out), {}};
    if (range.empty()) {
        out.commits.insert(out.end);
        return out;
    }
    TRY_ASSIGN(const ProcessResult listed,
               run_git(folder, {"rev-list", "--first-parent", "--end-of-options", range}));
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
// that changed it (renames followed), and what the commit holds there. git log told what each
// of those commits left at the path; only a link must be followed commit by commit, as what it
// names may change without the link changing.
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
        LineCommit& commit = line.emplace_back(LineCommit{info, where.path, where.link, {}});
        if (where.link) {
            requests += info.commit + ":" + where.path + "\n";
        } else if (!where.object.empty()) {
            commit.plan.kind = ObjectKind::found;
            commit.plan.id = where.object;
            commit.plan.type = where.type;
        }
    }
    if (requests.empty())
        return line;
    // The links' commits at once: one request a line, links inside the repository followed.
    TRY_ASSIGN(const ProcessResult answers,
               run_git(folder, {"cat-file", "--batch-check", "--follow-symlinks"}, requests));
    if (answers.exit_status != 0)
        return fail(fmt::format("git cat-file failed: {}", first_line(answers.err)));
    std::string_view out = answers.out;
    for (LineCommit& commit : line) {
        if (!commit.link)
            continue;
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

// The newest version of the line: the last commit whose plan differs from the commit before
// it or, when later, the last that changed a file the newest plan names (one git log tells).
Expected<std::size_t> newest_version(const std::string& folder, VersionWalk& walk,
                                     const std::vector<LineCommit>& line) {
    std::size_t newest = 0;
    for (std::size_t at = line.size() - 1; at > 0 && newest == 0; --at)
        if (!same_plan(line[at - 1], line[at]))
            newest = at;
    TRY_ASSIGN(const PlanVersion last, walk.read_at(line.size() - 1, nullptr));
    std::vector<std::string> args = {"log",         "--first-parent",        "-1",
                                     "--format=%H", line.back().info.commit, "--"};
    for (const NamedFile& file : last.files)
        if (const auto path = repository_path(line.back().path, file.path))
            args.push_back(*path);
    if (args.back() == "--")
        return newest;
    TRY_ASSIGN(const std::string touched, git_output(folder, std::move(args), "git log"));
    const std::string commit = first_line(touched);
    for (std::size_t at = line.size(); at-- > newest + 1;)
        if (line[at].info.commit == commit)
            return at;
    return newest;
}

// The first commit of the line the scope asks about.
Expected<std::size_t> scope_start(const std::string& folder, VersionWalk& walk,
                                  const std::vector<LineCommit>& line, HistoryScope scope,
                                  const std::set<std::string>& in_range) {
    if (scope == HistoryScope::everything || line.empty())
        return std::size_t{0};
    if (scope == HistoryScope::last_version)
        return newest_version(folder, walk, line);
    for (std::size_t at = 0; at < line.size(); ++at)
        if (in_range.count(line[at].info.commit))
            return at;
    return line.size();
}

} // namespace

bool may_be_in_repository(const std::string& plan_file) {
    std::error_code ec;
    fs::path folder = fs::absolute(fs::path(plan_file), ec).parent_path();
    if (ec)
        return true;
    for (;;) {
        if (fs::exists(folder / ".git", ec))
            return true;
        if (!folder.has_relative_path())
            return false;
        folder = folder.parent_path();
    }
}

Expected<PlanRecord> read_plan_history(const std::string& plan_file, HistoryScope scope,
                                       const std::string& range) {
    const fs::path plan(plan_file);
    const fs::path folder_path = plan.has_parent_path() ? plan.parent_path() : fs::path(".");
    const std::string folder = folder_path.string();
    const std::string name = plan.filename().string();
    std::error_code ec;
    if (!fs::is_directory(folder_path, ec))
        return fail(fmt::format("{}: no such folder", folder));

    // One git for the repository and its last commit: each process costs a status its time.
    TRY_ASSIGN(const ProcessResult top, run_git(folder, {"rev-parse", "--show-toplevel", "--verify",
                                                         "--quiet", "HEAD^{commit}"}));
    if (first_line(top.out).empty())
        return fail(fmt::format("{} is not in a git repository, so it has no history ({})",
                                plan_file, first_line(top.err)));
    const std::string head =
        top.exit_status == 0 ? first_line(std::string_view(top.out).substr(top.out.find('\n') + 1))
                             : std::string();
    if (head.empty())
        return untracked(folder, plan_file, name);
    RangeCommits commits_asked{head, {}};
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
                           "--format=%x01%H", "--raw", "--no-abbrev", record.end, "--", name},
                          "git log"));
    TRY_ASSIGN(const std::vector<PlanTouch> touches, parse_follow_log(follow));
    if (touches.empty())
        return untracked(folder, plan_file, name);
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
    TRY_ASSIGN(const std::size_t start,
               scope_start(folder, walk, line, scope, commits_asked.commits));
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
