#include "git_objects.h"

#include <fmt/format.h>

namespace remedy {

std::vector<std::string> git_command(std::vector<std::string> args) {
    std::vector<std::string> argv = {"git",
                                     "--no-pager",
                                     "--no-replace-objects",
                                     "-c",
                                     "core.quotePath=false",
                                     "--no-optional-locks",
                                     "--literal-pathspecs"};
    argv.insert(argv.end(), std::make_move_iterator(args.begin()),
                std::make_move_iterator(args.end()));
    return argv;
}

Expected<ProcessResult> run_git(const std::string& folder, std::vector<std::string> args,
                                const std::string& input) {
    return run_process(git_command(std::move(args)), folder, input);
}

std::string first_line(std::string_view text) {
    return std::string(text.substr(0, text.find('\n')));
}

Expected<GitObjects> GitObjects::open(const std::string& folder) {
    TRY_ASSIGN(Conversation git,
               Conversation::start(
                   git_command({"cat-file", "--batch-command", "--follow-symlinks"}), folder));
    return GitObjects(std::move(git));
}

Expected<ObjectAnswer> GitObjects::answer() {
    TRY_ASSIGN(const std::string header, git_.read_line());
    Expected<ObjectAnswer> parsed = parse_object_header(header);
    if (!parsed)
        return parsed;
    // A link's answer is two lines: the header, then what it names.
    if (parsed->size) {
        std::string named;
        TRY(git_.read_exact(*parsed->size + 1, named));
        named.pop_back();
        parsed->target = std::move(named);
        parsed->size.reset();
    }
    return parsed;
}

Expected<ObjectAnswer> GitObjects::find(std::string_view commit, std::string_view path) {
    // One request a line: a path with a line break cannot be asked about (the caller refuses
    // it before it gets here).
    if (path.find('\n') != std::string_view::npos)
        return fail("a path with a line break cannot be asked of git");
    TRY(git_.write(fmt::format("info {}:{}\n", commit, path)));
    return answer();
}

Expected<std::optional<std::string>> GitObjects::read(std::string_view id) {
    TRY(git_.write(fmt::format("contents {}\n", id)));
    TRY_ASSIGN(const std::string header, git_.read_line());
    TRY_ASSIGN(const ObjectAnswer found, parse_object_header(header));
    if (found.kind != ObjectKind::found)
        return std::optional<std::string>();
    std::string content;
    TRY(git_.read_exact(found.object_size + 1, content));
    content.pop_back(); // the newline after every object
    if (found.type != "blob")
        return std::optional<std::string>();
    return std::optional<std::string>(std::move(content));
}

} // namespace remedy
