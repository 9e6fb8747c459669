#include "remedy/io/atomic_write.h"
#include "scratch_dir.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace remedy;
using remedy_test::read_file;
using remedy_test::ScratchDir;
using remedy_test::write_file;
namespace fs = std::filesystem;

namespace {

mode_t mode_of(const std::string& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return info.st_mode & 07777;
}

// replace_file_contents(path, content) run as a user that folder permissions apply to: as
// "nobody" in a child process when the tests run as root. The error message, or "ok".
std::string replace_unprivileged(const std::string& path, const std::string& content) {
    if (::geteuid() != 0) {
        const Expected<void> replaced = replace_file_contents(path, content);
        return replaced ? "ok" : replaced.error();
    }
    int pipe_fd[2];
    REQUIRE(::pipe(pipe_fd) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::close(pipe_fd[0]);
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
            ::_exit(2);
        const Expected<void> replaced = replace_file_contents(path, content);
        const std::string message = replaced ? "ok" : replaced.error();
        const bool sent = ::write(pipe_fd[1], message.data(), message.size()) ==
                          static_cast<ssize_t>(message.size());
        ::_exit(sent ? 0 : 2);
    }
    ::close(pipe_fd[1]);
    std::string message;
    char buffer[512];
    for (ssize_t n; (n = ::read(pipe_fd[0], buffer, sizeof buffer)) > 0;)
        message.append(buffer, static_cast<std::size_t>(n));
    ::close(pipe_fd[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return message;
}

} // namespace

TEST_SUITE("atomic_write") {
    TEST_CASE("the new content replaces the old and keeps the file's permissions") {
        ScratchDir dir;
        const std::string plan = dir / "remedy.toml";
        write_file(plan, "old content, longer than the new\n");
        fs::permissions(plan,
                        fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
        REQUIRE(mode_of(plan) == 0640);
        REQUIRE(replace_file_contents(plan, "new\n").ok());
        CHECK(read_file(plan) == "new\n");
        CHECK(mode_of(plan) == 0640);
    }

    TEST_CASE("no temporary file is left behind") {
        ScratchDir dir;
        write_file(dir / "remedy.toml", "old\n");
        REQUIRE(replace_file_contents(dir / "remedy.toml", "new\n").ok());
        CHECK(dir.listing() == "remedy.toml");
    }

    TEST_CASE("a file that does not exist yet is created with 0666 less the umask") {
        ScratchDir dir;
        const mode_t mask = ::umask(027);
        const Expected<void> created = replace_file_contents(dir / "remedy.toml", "[client]\n");
        ::umask(mask);
        REQUIRE(created.ok());
        CHECK(read_file(dir / "remedy.toml") == "[client]\n");
        CHECK(mode_of(dir / "remedy.toml") == 0640);
        CHECK(dir.listing() == "remedy.toml");
    }

    TEST_CASE("through a symbolic link, the target is replaced and the link stays") {
        ScratchDir dir;
        fs::create_directory(dir.path() / "plans");
        write_file(dir / "plans/q4.toml", "old\n");
        fs::create_symlink("plans/q4.toml", dir.path() / "remedy.toml");
        REQUIRE(replace_file_contents(dir / "remedy.toml", "new\n").ok());
        CHECK(fs::is_symlink(dir.path() / "remedy.toml"));
        CHECK(read_file(dir / "plans/q4.toml") == "new\n");
        CHECK(dir.listing() == "plans remedy.toml");
    }

    TEST_CASE("in a read-only folder it fails, saying why, and the file is as it was") {
        ScratchDir dir;
        const std::string plan = dir / "remedy.toml";
        write_file(plan, "old\n");
        fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec |
                                        fs::perms::group_read | fs::perms::group_exec |
                                        fs::perms::others_read | fs::perms::others_exec);
        const std::string message = replace_unprivileged(plan, "new\n");
        CHECK(message == "cannot save " + plan + ": cannot create a temporary file in " +
                             dir.path().string() + ": Permission denied");
        CHECK(read_file(plan) == "old\n");
        CHECK(dir.listing() == "remedy.toml");
    }

    TEST_CASE("a failed rename removes the temporary file") {
        ScratchDir dir;
        fs::create_directories(dir.path() / "remedy.toml/inside");
        const Expected<void> replaced = replace_file_contents(dir / "remedy.toml", "new\n");
        REQUIRE(!replaced.ok());
        CHECK(replaced.error().starts_with("cannot save " + (dir / "remedy.toml") +
                                           ": cannot rename " + dir.path().string() +
                                           "/.remedy.toml."));
        CHECK(replaced.error().ends_with(": Is a directory"));
        CHECK(dir.listing() == "remedy.toml");
    }
}
