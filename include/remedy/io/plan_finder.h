#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace remedy {

// How the search reports as it goes: each file as soon as it meets it (each file once, in no
// promised order), so that reading plans can start before the search ends; and each folder
// that could not be opened or listed, or entry whose type could not be told, named as the user
// would type it, with the reason (plans in it may be missing from the result).
using PlanFound = std::function<void(const std::string& file)>;
using FolderSkipped = std::function<void(const std::string& folder, const std::string& why)>;

// How folders are listed: with readdir, everywhere; or, where the system has it (Linux), with
// getdents64, which makes two system calls fewer a folder. The two find the same plans.
enum class FolderListing { fastest, portable };

// The plans `remedy portfolio` judges. Each PATH is a plan file, or a folder searched
// recursively for files named remedy.toml; `.git` folders are skipped and symbolic links to
// folders are not followed (so a link back up the tree cannot loop). A PATH that is neither is
// kept as it is, so that its row says why it cannot be read. No PATH means `working_dir`.
// The files are in the order of the PATHs, each folder's in byte order of their paths, each
// named once, as the user would type it from where they stand.
std::vector<std::string> find_plans(const std::vector<std::string>& paths,
                                    const std::filesystem::path& working_dir,
                                    const PlanFound& found, const FolderSkipped& skipped,
                                    FolderListing listing = FolderListing::fastest);

} // namespace remedy
