#pragma once

#include "remedy/io/plan_reader.h"
#include "remedy/model/plan_changes.h"
#include "remedy/util/expected.h"

#include <chrono>
#include <date/date.h>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace remedy {

// A commit as git gives it. Author and committer are whatever the pusher wrote.
struct CommitInfo {
    std::string commit;                 // the full hash
    std::vector<std::string> parents;   // the first is the one the history follows
    std::chrono::sys_seconds committed; // the committer date, kept within 1900..9999
    std::string author;                 // the author's name and address
    std::string email;
    std::string committer; // the committer's name and address
    std::string committer_email;
    std::string subject; // the first line of the message
};

// A commit of a merged side branch, listed under the merge.
struct SideCommit {
    std::string commit;
    std::chrono::sys_seconds committed;
    date::sys_days day; // of `committed` in the client's zone, as the history shows it
    std::string author;
    std::string email;
    std::string subject;
};

// What git says of a commit's signature, checked against an allowed-signers file: `status` is
// git's %G? ('G' good, 'N' none, ...), `signer` its %GS, the principal of a good signature.
struct Signature {
    char status = 'N';
    std::string signer;

    bool good() const { return status == 'G'; }
};

// One version of the plan: a commit on the first-parent line that changed the plan or a file it
// names, as it stood at that commit.
struct PlanVersion {
    CommitInfo info;
    std::size_t line_index = 0; // its place on the first-parent line (PlanRecord::line_times)
    std::string path;           // the plan's path in the repository at that commit
    bool plan_is_link = false;  // the path is a symbolic link, read through
    // The plan as read from that commit, with the files it names as that commit holds them;
    // shared by versions that differ only in a file the reading does not use. Null when
    // `error` says why there is no plan to read.
    std::shared_ptr<const LoadResult> loaded;
    std::string error;
    std::vector<NamedFile> files;         // the files the plan names, at that commit
    std::vector<SideCommit> side_commits; // for a merge: the commits it brought in
    // Checked against the signers file of the version before (the first against its own); none
    // when those rules name no signers file.
    std::optional<Signature> signature;

    // The plan read, or null when this version holds none that reads.
    const Plan* plan() const { return loaded && loaded->plan ? &*loaded->plan : nullptr; }
};

// Which commits of the first-parent line a reading gives versions for.
enum class HistoryScope {
    everything,   // every version from the plan's first commit
    last_version, // the newest version only (and the one before it, to compare)
    range,        // the versions of a git range (check --commits)
};

// The versions read, oldest first. Those before `first_shown` are not asked about: the version
// before the scope, kept to compare the first one with and for the rules it was recorded under.
struct PlanRecord {
    std::vector<PlanVersion> versions;
    std::size_t first_shown = 0;
    // The committer date of every commit of the first-parent line from the plan's first commit
    // to `end`, in graph order: a commit's day is never before its parent's.
    std::vector<std::chrono::sys_seconds> line_times;
    std::string end; // the commit the reading ends at (HEAD, or the range's last commit)
    // The plan as that commit holds it; null when it holds none, `end_error` says why.
    std::shared_ptr<const LoadResult> at_end;
    std::string end_error;
};

// Whether the folder of `plan_file` or one above it holds a `.git`: where none does, git would
// find no repository, and asking it costs a process. (git has the last word where one does.)
bool may_be_in_repository(const std::string& plan_file);

// The plan's versions along the first-parent line of HEAD (or, for a range "A..B", of B), in
// graph order, following renames: each commit that changed the plan or a file it names, the plan
// read from that commit (a symbolic link followed inside it), merges with their side commits,
// signatures checked when the plan names signers. Runs git in the plan's folder, reads the
// repository, never changes it. Fails (with a message for a person) when git cannot run, the
// folder is not in a git repository, git does not track the file, or the range is not one.
Expected<PlanRecord> read_plan_history(const std::string& plan_file,
                                       HistoryScope scope = HistoryScope::everything,
                                       const std::string& range = {});

} // namespace remedy
