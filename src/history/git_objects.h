#pragma once

// The objects of a git repository, asked one at a time of one `git cat-file --batch-command
// --follow-symlinks` process: what a commit holds at a path (a link inside the repository
// followed), and an object's content. Private to the history layer.

#include "child_process.h"
#include "remedy/history/git_output.h"

#include <optional>
#include <string>
#include <string_view>

namespace remedy {

class GitObjects {
public:
    // The repository the folder `folder` is in.
    static Expected<GitObjects> open(const std::string& folder);

    // What `commit` holds at `path` (relative to the repository's top).
    Expected<ObjectAnswer> find(std::string_view commit, std::string_view path);

    // The content of the blob `id`; none when it is not a blob.
    Expected<std::optional<std::string>> read(std::string_view id);

private:
    explicit GitObjects(Conversation git) : git_(std::move(git)) {}
    Expected<ObjectAnswer> answer();

    Conversation git_;
};

// Runs git (git_command) in `folder`, fed `input`.
Expected<ProcessResult> run_git(const std::string& folder, std::vector<std::string> args,
                                const std::string& input = {});

// The first line of git's output or message.
std::string first_line(std::string_view text);

// git with settings that keep it from touching the repository (no optional index refresh) and
// from reading replacement objects or a pager; a path is a path, never a pathspec with magic
// (a plan named ":(glob)*" or "::x" names that file).
std::vector<std::string> git_command(std::vector<std::string> args);

} // namespace remedy
