#include "remedy/io/atomic_write.h"

#include "remedy/io/write_all.h"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace remedy {

namespace {

// A file made by mkstemp, removed unless it was renamed into place.
class TempFile {
public:
    explicit TempFile(std::string path) : path_(std::move(path)) {}
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        close();
        if (created_ && !renamed_)
            ::unlink(path_.c_str());
    }

    bool create() {
        fd_ = ::mkostemp(path_.data(), O_CLOEXEC);
        created_ = fd_ >= 0;
        return created_;
    }
    bool close() {
        const int fd = std::exchange(fd_, -1);
        return fd < 0 || ::close(fd) == 0;
    }
    void mark_renamed() { renamed_ = true; }
    int fd() const { return fd_; }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    int fd_ = -1;
    bool created_ = false;
    bool renamed_ = false;
};

// The permissions the new content gets: the old file's, or those of a newly created file.
Expected<mode_t> target_mode(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0)
        return info.st_mode & 07777;
    if (errno != ENOENT)
        return fail(fmt::format("cannot save {}: {}", path, std::strerror(errno)));
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return 0666 & ~mask;
}

// The file to replace: `path`, or what it links to (so that the link stays a link).
Expected<std::filesystem::path> resolve(const std::string& path) {
    std::error_code error;
    if (!std::filesystem::is_symlink(path, error))
        return std::filesystem::path(path);
    std::filesystem::path target = std::filesystem::canonical(path, error);
    if (error)
        return fail(fmt::format("cannot save {}: {}", path, error.message()));
    return target;
}

// The test-only pause before the rename (see the header).
void pause_for_tests() {
    const char* value = std::getenv("REMEDY_TEST_PAUSE_BEFORE_RENAME");
    if (value == nullptr)
        return;
    long ms = 0;
    const char* end = value + std::strlen(value);
    if (std::from_chars(value, end, ms).ptr == end && ms > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

// Makes the rename durable. Some file systems cannot sync a folder (EINVAL): nothing to do.
bool sync_directory(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0 || errno == EINVAL;
    const int saved_errno = errno;
    ::close(fd);
    errno = saved_errno;
    return synced;
}

} // namespace

Expected<void> replace_file_contents(const std::string& path, std::string_view content) {
    const Expected<std::filesystem::path> target = resolve(path);
    if (!target)
        return fail(target.error());
    const Expected<mode_t> mode = target_mode(target->string());
    if (!mode)
        return fail(mode.error());
    const std::string dir =
        target->has_parent_path() ? target->parent_path().string() : std::string(".");
    const std::string target_path = target->string();

    TempFile temp(dir + "/." + target->filename().string() + ".XXXXXX");
    // The message of the step that just failed, e.g. "cannot sync {}" with the file it names.
    const auto failed = [&]<class... Args>(fmt::format_string<Args...> step, Args&&... args) {
        const int error = errno;
        return fail(fmt::format("cannot save {}: {}: {}", path,
                                fmt::format(step, std::forward<Args>(args)...),
                                std::strerror(error)));
    };
    if (!temp.create())
        return failed("cannot create a temporary file in {}", dir);
    // Permissions before the sync, so that the sync covers them too.
    if (!write_all(temp.fd(), content))
        return failed("cannot write {}", temp.path());
    if (::fchmod(temp.fd(), *mode) != 0)
        return failed("cannot set the permissions of {}", temp.path());
    if (::fsync(temp.fd()) != 0)
        return failed("cannot sync {}", temp.path());
    if (!temp.close())
        return failed("cannot close {}", temp.path());
    pause_for_tests();
    if (::rename(temp.path().c_str(), target_path.c_str()) != 0)
        return failed("cannot rename {} to {}", temp.path(), target_path);
    temp.mark_renamed();
    if (!sync_directory(dir))
        return failed("saved, but cannot sync the folder {}", dir);
    return {};
}

} // namespace remedy

namespace remedy {

Expected<void, CreateError> create_file(const std::string& path, std::string_view content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        return Unexpected<CreateError>{
            {errno == EEXIST, fmt::format("cannot create {}: {}", path, std::strerror(errno))}};
    bool written = write_all(fd, content) && ::fsync(fd) == 0;
    const int error = errno;
    written = ::close(fd) == 0 && written;
    if (!written) {
        ::unlink(path.c_str());
        return Unexpected<CreateError>{
            {false, fmt::format("cannot write {}: {}", path, std::strerror(error))}};
    }
    return {};
}

} // namespace remedy
