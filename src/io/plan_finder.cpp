#include "remedy/io/plan_finder.h"

#include "file_descriptor.h"
#include "open_path.h"

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

// What a folder entry is, as far as the search cares.
enum class EntryType { folder, file, link, other, unknown };

// A folder opened to be listed; through a link only when it is the PATH itself. A folder
// deeper than PATH_MAX is opened too.
int open_folder(const std::string& path, bool follow_link) {
    return open_path(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow_link ? 0 : O_NOFOLLOW));
}

// The type from the folder listing when the file system says (most do), else from the entry
// itself, its link not followed; unknown when that cannot be told (errno says why).
EntryType type_of(int folder, const char* name, [[maybe_unused]] unsigned char listed) {
#ifdef DT_UNKNOWN
    switch (listed) {
    case DT_DIR:
        return EntryType::folder;
    case DT_REG:
        return EntryType::file;
    case DT_LNK:
        return EntryType::link;
    case DT_UNKNOWN:
        break;
    default:
        return EntryType::other;
    }
#endif
    struct stat info {};
    if (::fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) != 0)
        return EntryType::unknown;
    return S_ISDIR(info.st_mode)   ? EntryType::folder
           : S_ISLNK(info.st_mode) ? EntryType::link
           : S_ISREG(info.st_mode) ? EntryType::file
                                   : EntryType::other;
}

bool is_regular_file_behind(int folder, const char* name) {
    struct stat info {};
    return ::fstatat(folder, name, &info, 0) == 0 && S_ISREG(info.st_mode);
}

// Calls `each(name, listed_type)` for each entry of the open folder `fd` but "." and "..";
// false (errno says why) when listing failed part way.
template <class Each> bool list_portably(int fd, Each each) {
    // fdopendir takes the descriptor over: a copy of it, so that the caller's stays its own.
    DIR* folder = ::fdopendir(::dup(fd));
    if (folder == nullptr)
        return false;
    bool listed = true;
    for (;;) {
        errno = 0;
        const struct dirent* entry = ::readdir(folder);
        if (entry == nullptr) {
            listed = errno == 0;
            break;
        }
#ifdef DT_UNKNOWN
        each(entry->d_name, entry->d_type);
#else
        each(entry->d_name, 0);
#endif
    }
    const int error = errno;
    ::closedir(folder);
    errno = error;
    return listed;
}

#ifdef REMEDY_HAVE_GETDENTS64
// The same with getdents64 into one buffer for the whole search: two system calls fewer a
// folder than readdir (no fstat, no fcntl), measured in docs/performance.md.
template <class Each> bool list_with_getdents(int fd, std::vector<char>& buffer, Each each) {
    for (;;) {
        const ssize_t got = ::getdents64(fd, buffer.data(), buffer.size());
        if (got <= 0)
            return got == 0;
        for (ssize_t at = 0; at < got;) {
            const auto& entry = *reinterpret_cast<const struct dirent64*>(&buffer[at]);
            at += entry.d_reclen;
            each(entry.d_name, entry.d_type);
        }
    }
}
#endif

// Hands each remedy.toml under `root` to `met`, named under `typed`, in the order the search
// meets them. A link to a folder is not entered (no loops); a link named remedy.toml to a
// regular file is a plan. A folder that cannot be opened or listed, or an entry whose type
// cannot be told, goes to `skipped`; the others are still searched. One descriptor open at a
// time; folders deeper than PATH_MAX are searched too.
void search_folder(const std::string& root, const std::string& typed, const PlanFound& met,
                   const FolderSkipped& skipped, [[maybe_unused]] FolderListing listing) {
    std::vector<Folder> to_search{{root, typed, true}};
    [[maybe_unused]] std::vector<char> buffer(32 * 1024);
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
        const auto each = [&](const char* entry_name, unsigned char listed) {
            const std::string_view name = entry_name;
            if (name == "." || name == "..")
                return;
            const EntryType type = type_of(open.get(), entry_name, listed);
            if (type == EntryType::unknown) {
                skip(name);
            } else if (type == EntryType::folder) {
                if (name != ".git")
                    to_search.push_back({fmt::format("{}/{}", folder.open_as, name),
                                         fmt::format("{}{}/", folder.typed, name), false});
            } else if (name == "remedy.toml" &&
                       (type == EntryType::file ||
                        (type == EntryType::link &&
                         is_regular_file_behind(open.get(), entry_name)))) {
                met(folder.typed + "remedy.toml");
            }
        };
        bool listed = false;
#ifdef REMEDY_HAVE_GETDENTS64
        if (listing == FolderListing::fastest)
            listed = list_with_getdents(open.get(), buffer, each);
        else
#endif
            listed = list_portably(open.get(), each);
        if (!listed)
            skip("");
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
                                    const FolderSkipped& skipped,
                                    [[maybe_unused]] FolderListing listing) {
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
        search_folder(place.string(), typed_prefix(path), add, skipped, listing);
        // In byte order of their paths, whatever order the disk listed them in.
        std::sort(files.begin() + static_cast<std::ptrdiff_t>(first), files.end());
    }
    return files;
}

} // namespace remedy
