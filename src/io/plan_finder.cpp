#include "remedy/io/plan_finder.h"

#include "file_descriptor.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <optional>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace remedy {

namespace fs = std::filesystem;

namespace {

// A folder still to be searched: where to open it, and how the user's PATH names it.
struct Folder {
    std::string open_as;
    std::string typed; // "" or ending in '/'
    bool is_root;      // the PATH itself, which may be a link to the folder the user means
};

// A folder opened to be listed; through a link only when it is the PATH itself.
int open_folder(const std::string& path, bool follow_link) {
    return ::open(path.c_str(),
                  O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow_link ? 0 : O_NOFOLLOW));
}

// What a folder entry is, from the folder listing when the file system says (most do), else
// from the entry itself, its link not followed; nothing when that cannot be told (errno says
// why).
std::optional<unsigned char> type_of(int folder, const struct dirent64& entry) {
    if (entry.d_type != DT_UNKNOWN)
        return entry.d_type;
    struct stat info {};
    if (::fstatat(folder, entry.d_name, &info, AT_SYMLINK_NOFOLLOW) != 0)
        return std::nullopt;
    return S_ISDIR(info.st_mode)   ? DT_DIR
           : S_ISLNK(info.st_mode) ? DT_LNK
           : S_ISREG(info.st_mode) ? DT_REG
                                   : DT_UNKNOWN;
}

bool is_regular_file_behind(int folder, const char* name) {
    struct stat info {};
    return ::fstatat(folder, name, &info, 0) == 0 && S_ISREG(info.st_mode);
}

// Hands each remedy.toml under `root` to `met`, named under `typed`, in the order the search
// meets them. A link to a folder is not entered (no loops); a link named remedy.toml to a
// regular file is a plan. A folder that cannot be opened or listed, or an entry whose type
// cannot be told, goes to `skipped`; the others are still searched. Listed with getdents64 a folder
// at a time, one descriptor open at a time: a thousand client folders cost four system calls each,
// where std::filesystem::recursive_directory_iterator made seven (docs/performance.md).
void search_folder(const std::string& root, const std::string& typed, const PlanFound& met,
                   const FolderSkipped& skipped) {
    std::vector<Folder> to_search{{root, typed, true}};
    std::vector<char> listing(32 * 1024);
    while (!to_search.empty()) {
        const Folder folder = std::move(to_search.back());
        to_search.pop_back();
        // As the user would type it: "clients/acme" for "clients/acme/", "." for "".
        const auto skip = [&](std::string_view entry) {
            const std::string why = std::strerror(errno); // before anything else can set errno
            std::string named = folder.typed + std::string(entry);
            if (named.size() > 1 && named.back() == '/')
                named.pop_back();
            skipped(named.empty() ? "." : named, why);
        };
        const FileDescriptor open(open_folder(folder.open_as, folder.is_root));
        if (open.get() < 0) {
            skip("");
            continue;
        }
        for (;;) {
            const ssize_t got = ::getdents64(open.get(), listing.data(), listing.size());
            if (got < 0)
                skip("");
            if (got <= 0)
                break;
            for (ssize_t at = 0; at < got;) {
                const auto& entry = *reinterpret_cast<const struct dirent64*>(&listing[at]);
                at += entry.d_reclen;
                const std::string_view name = entry.d_name;
                if (name == "." || name == "..")
                    continue;
                const std::optional<unsigned char> type = type_of(open.get(), entry);
                if (!type) {
                    skip(name);
                    continue;
                }
                if (type == DT_DIR) {
                    if (name != ".git")
                        to_search.push_back({fmt::format("{}/{}", folder.open_as, name),
                                             fmt::format("{}{}/", folder.typed, name), false});
                } else if (name == "remedy.toml" &&
                           (type == DT_REG ||
                            (type == DT_LNK && is_regular_file_behind(open.get(), entry.d_name)))) {
                    met(folder.typed + "remedy.toml");
                }
            }
        }
    }
}

// How the user's PATH names what is under it: "a/b/" for "a/b" or "./a//b/", "" for ".".
std::string typed_prefix(const std::string& path) {
    std::string prefix = fs::path(path).lexically_normal().string();
    if (prefix.empty() || prefix == "." || prefix == "./")
        return "";
    if (prefix.back() != '/')
        prefix += '/';
    return prefix;
}

} // namespace

std::vector<std::string> find_plans(const std::vector<std::string>& paths,
                                    const fs::path& working_dir, const PlanFound& found,
                                    const FolderSkipped& skipped) {
    std::vector<std::string> files;
    std::set<std::string> seen;
    const auto add = [&](std::string file) {
        if (!seen.insert(file).second)
            return;
        found(file);
        files.push_back(std::move(file));
    };
    const std::vector<std::string> searched = paths.empty() ? std::vector<std::string>{"."} : paths;
    for (const std::string& path : searched) {
        std::error_code ec;
        const fs::path place = fs::path(path).is_absolute() ? fs::path(path) : working_dir / path;
        if (!fs::is_directory(place, ec)) {
            add(path);
            continue;
        }
        const std::size_t first = files.size();
        search_folder(place.string(), typed_prefix(path), add, skipped);
        // In byte order of their paths, whatever order the disk listed them in.
        std::sort(files.begin() + static_cast<std::ptrdiff_t>(first), files.end());
    }
    return files;
}

} // namespace remedy
