#pragma once

#include "remedy/history/plan_history.h"
#include "remedy/util/expected.h"

#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

namespace remedy {

// Readers of what git prints, each tested on its own (tests/unit/git_output_test.cpp).

// A commit time as %ct prints it, kept within 1900-01-01..9999-12-31: git keeps whatever number
// a pusher wrote (9223372036854775807 included), and no day of it may overflow. No time at all
// (git's answer for a negative one) is the earliest. Fails for what is not a number.
Expected<std::chrono::sys_seconds> commit_time(std::string_view digits);

// The format `read_first_parent_line` asks git log for, one commit a record, NUL-separated.
inline constexpr std::string_view line_format =
    "%x01%H%x00%P%x00%ct%x00%an%x00%ae%x00%cn%x00%ce%x00%s";

// `git log -z --format=<line_format>` (newest first) as commits, oldest first.
Expected<std::vector<CommitInfo>> parse_commit_log(std::string_view log);

// A commit that changed the plan's path, as `git log --follow --raw --no-abbrev -z
// --format=%x01%H` tells.
struct PlanTouch {
    std::string commit;
    std::string path;   // the plan's path after the commit
    bool link = false;  // that path is a symbolic link after the commit
    std::string object; // what the path holds after it (the link itself for a link); empty:
                        // nothing (deleted)
    std::string type;   // of `object`: "blob", or "commit" for a submodule
};

// That log (newest first) as touches, oldest first; a commit without a raw line (a merge that
// left the path alone) keeps what the touch before it holds.
Expected<std::vector<PlanTouch>> parse_follow_log(std::string_view log);

// `git log -z --format=%x01%H%x00%ct%x00%an%x00%ae%x00%s` as side commits, in git's order.
Expected<std::vector<SideCommit>> parse_side_commits(std::string_view log);

// `git log -z --format=%x01%H%x00%G?%x00%GS`: each commit's signature.
Expected<std::vector<std::pair<std::string, Signature>>> parse_signatures(std::string_view log);

// What `git cat-file --batch-command --follow-symlinks` answers about `commit:path`.
enum class ObjectKind {
    found,    // an object: `id`, `type`, `object_size`
    missing,  // nothing there (or an ambiguous name)
    outside,  // a symbolic link out of the repository: `target` is what it names
    dangling, // a symbolic link to nothing in the commit
    loop,     // symbolic links that name each other
    notdir,   // a path through something that is not a folder
};

struct ObjectAnswer {
    ObjectKind kind = ObjectKind::missing;
    std::string id;
    std::string type;
    std::size_t object_size = 0;
    // For the kinds with a second line (outside, dangling, loop, notdir): its length, to read.
    std::optional<std::size_t> size;
    std::string target;
};

// The first line of an answer.
Expected<ObjectAnswer> parse_object_header(std::string_view header);

} // namespace remedy
