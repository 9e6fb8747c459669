#include "commit_details.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <stdlib.h>
#include <unistd.h>

namespace remedy {

namespace {

// A temporary file holding `content`, removed when it goes out of scope.
class ScratchFile {
public:
    static Expected<ScratchFile> holding(const std::string& content) {
        std::error_code ec;
        std::string path =
            (std::filesystem::temp_directory_path(ec) / "remedy-signers-XXXXXX").string();
        if (ec)
            path = "/tmp/remedy-signers-XXXXXX";
        const int fd = ::mkstemp(path.data());
        if (fd < 0)
            return fail(fmt::format("cannot create a temporary file: {}", std::strerror(errno)));
        ScratchFile file(path);
        std::string_view rest = content;
        while (!rest.empty()) {
            const ssize_t n = ::write(fd, rest.data(), rest.size());
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                ::close(fd);
                return fail(fmt::format("cannot write a temporary file: {}", std::strerror(errno)));
            }
            rest.remove_prefix(static_cast<std::size_t>(n));
        }
        ::close(fd);
        return file;
    }
    ScratchFile(ScratchFile&& other) noexcept : path_(std::exchange(other.path_, {})) {}
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    ScratchFile& operator=(ScratchFile&&) = delete;
    ~ScratchFile() {
        if (!path_.empty())
            ::unlink(path_.c_str());
    }
    const std::string& path() const { return path_; }

private:
    explicit ScratchFile(std::string path) : path_(std::move(path)) {}
    std::string path_;
};

// git's verdict on each of `commits`, checked against the allowed-signers file at `signers`.
// Only SSH signatures count: OpenPGP and X.509 verification is given a program that fails, so
// that a key in someone's keyring never makes a commit good.
Expected<std::map<std::string, Signature>> verify(const std::string& folder,
                                                  const std::string& signers,
                                                  const std::vector<std::string>& commits) {
    std::string input;
    for (const std::string& commit : commits)
        input += commit + "\n";
    TRY_ASSIGN(const ProcessResult result,
               run_git(folder,
                       {"-c", "gpg.format=ssh", "-c", "gpg.ssh.allowedSignersFile=" + signers, "-c",
                        "gpg.openpgp.program=false", "-c", "gpg.x509.program=false", "log",
                        "--no-walk=unsorted", "--stdin", "-z", "--format=%x01%H%x00%G?%x00%GS"},
                       input));
    if (result.exit_status != 0)
        return fail(fmt::format("git log failed: {}", first_line(result.err)));
    TRY_ASSIGN(const auto signatures, parse_signatures(result.out));
    return std::map<std::string, Signature>(signatures.begin(), signatures.end());
}

} // namespace

Expected<std::vector<SideCommit>> side_commits(const std::string& folder, const CommitInfo& merge) {
    std::vector<std::string> args = {"log", "--topo-order", "-z",
                                     "--format=%x01%H%x00%ct%x00%an%x00%ae%x00%s"};
    args.insert(args.end(), merge.parents.begin() + 1, merge.parents.end());
    args.push_back("--not");
    args.push_back(merge.parents.front());
    TRY_ASSIGN(const ProcessResult result, run_git(folder, std::move(args)));
    if (result.exit_status != 0)
        return fail(fmt::format("git log failed: {}", first_line(result.err)));
    TRY_ASSIGN(std::vector<SideCommit> commits, parse_side_commits(result.out));
    return std::vector<SideCommit>(commits.rbegin(), commits.rend());
}

const PlanVersion* rules_of(const std::vector<PlanVersion>& versions, std::size_t at) {
    for (std::size_t k = at; k-- > 0;)
        if (versions[k].plan())
            return &versions[k];
    return versions[at].plan() ? &versions[at] : nullptr;
}

Expected<void> check_signatures(const std::string& folder, GitObjects& objects,
                                std::vector<PlanVersion>& versions, std::size_t first) {
    // The versions to check, by the signers file their rules name (its object; empty: the
    // rules name one that their commit does not hold, so no signature can be good).
    std::map<std::string, std::vector<std::size_t>> by_signers;
    for (std::size_t at = first; at < versions.size(); ++at) {
        const PlanVersion* rules = rules_of(versions, at);
        if (!rules || rules->plan()->audit.signers.empty())
            continue;
        std::string object;
        for (const NamedFile& file : rules->files)
            if (file.key == "audit.signers")
                object = file.object;
        by_signers[object].push_back(at);
    }
    for (const auto& [object, indexes] : by_signers) {
        std::optional<std::string> content;
        if (!object.empty()) {
            TRY_ASSIGN(content, objects.read(object));
        }
        if (!content) {
            for (std::size_t at : indexes)
                versions[at].signature = Signature{'E', {}};
            continue;
        }
        TRY_ASSIGN(const ScratchFile signers, ScratchFile::holding(*content));
        std::vector<std::string> commits;
        for (std::size_t at : indexes)
            commits.push_back(versions[at].info.commit);
        TRY_ASSIGN(const auto verified, verify(folder, signers.path(), commits));
        for (std::size_t at : indexes) {
            const auto found = verified.find(versions[at].info.commit);
            versions[at].signature = found == verified.end() ? Signature{'E', {}} : found->second;
        }
    }
    return {};
}

} // namespace remedy
