#include "remedy/edit/plan_lock.h"
#include "scratch_dir.h"

#include <chrono>
#include <csignal>
#include <doctest/doctest.h>
#include <filesystem>
#include <optional>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace remedy;
using namespace std::chrono_literals;
using remedy_test::read_file;
using remedy_test::ScratchDir;
namespace fs = std::filesystem;

TEST_SUITE("plan_lock") {
    TEST_CASE("the lock is a file beside the plan holding the owner's pid, gone when released") {
        ScratchDir dir;
        const std::string plan = dir / "remedy.toml";
        {
            const Expected<PlanLock> lock = PlanLock::acquire(plan);
            REQUIRE(lock.ok());
            CHECK(lock->path() == plan + ".lock");
            CHECK(read_file(plan + ".lock") == std::to_string(::getpid()) + "\n");
        }
        CHECK(!fs::exists(plan + ".lock"));
    }

    TEST_CASE("a second editor gives up after the wait, naming the lock") {
        ScratchDir dir;
        const std::string plan = dir / "remedy.toml";
        const Expected<PlanLock> first = PlanLock::acquire(plan);
        REQUIRE(first.ok());
        const auto start = std::chrono::steady_clock::now();
        const Expected<PlanLock> second = PlanLock::acquire(plan, 100ms);
        CHECK(std::chrono::steady_clock::now() - start >= 100ms);
        REQUIRE(!second.ok());
        CHECK(second.error() == plan + ".lock is held by another remedy (pid " +
                                    std::to_string(::getpid()) + ") editing " + plan +
                                    "; try again when it is done");
        CHECK(fs::exists(plan + ".lock"));
    }

    TEST_CASE("a lock released during the wait is then taken") {
        ScratchDir dir;
        const std::string plan = dir / "remedy.toml";
        std::optional<Expected<PlanLock>> first(PlanLock::acquire(plan));
        REQUIRE(first->ok());
        std::thread releaser([&first] {
            std::this_thread::sleep_for(100ms);
            first.reset();
        });
        const Expected<PlanLock> second = PlanLock::acquire(plan, 5s);
        releaser.join();
        CHECK(second.ok());
        CHECK(fs::exists(plan + ".lock"));
    }

    TEST_CASE("a lock file left behind, whatever it holds, is taken over") {
        // The finding: a killed edit left remedy.toml.lock, and every later edit failed after
        // 2 s; garbage in the file, or a lock file committed to the repository, the same.
        for (const char* left : {"99999\n", "garbage \x1b[2J", ""}) {
            ScratchDir dir;
            const std::string plan = dir / "remedy.toml";
            remedy_test::write_file(plan + ".lock", left);
            {
                const Expected<PlanLock> lock = PlanLock::acquire(plan, 0ms);
                REQUIRE(lock.ok());
                CHECK(read_file(plan + ".lock") == std::to_string(::getpid()) + "\n");
            }
            CHECK(!fs::exists(plan + ".lock"));
        }
    }

    TEST_CASE("the lock of an editor killed with SIGKILL is free at once") {
        ScratchDir dir;
        const std::string plan = dir / "remedy.toml";
        int ready[2];
        REQUIRE(::pipe(ready) == 0);
        const pid_t editor = ::fork();
        REQUIRE(editor >= 0);
        if (editor == 0) {
            const Expected<PlanLock> lock = PlanLock::acquire(plan);
            const char told = lock.ok() ? 'y' : 'n';
            (void)!::write(ready[1], &told, 1);
            ::pause();
            ::_exit(0);
        }
        char told = 0;
        REQUIRE(::read(ready[0], &told, 1) == 1);
        ::close(ready[0]);
        ::close(ready[1]);
        REQUIRE(told == 'y');
        // Held by a living editor: refused, naming it.
        const Expected<PlanLock> busy = PlanLock::acquire(plan, 0ms);
        REQUIRE(!busy.ok());
        CHECK(busy.error().find("(pid " + std::to_string(editor) + ")") != std::string::npos);
        ::kill(editor, SIGKILL);
        int status = 0;
        ::waitpid(editor, &status, 0);
        CHECK(fs::exists(plan + ".lock")); // the file stays behind; the lock does not
        const Expected<PlanLock> after = PlanLock::acquire(plan, 0ms);
        CHECK(after.ok());
    }

    TEST_CASE("a lock file that is a symbolic link is refused, the file it names untouched") {
        ScratchDir dir;
        const std::string plan = dir / "remedy.toml";
        remedy_test::write_file(dir / "other", "keep\n");
        fs::create_symlink(dir / "other", plan + ".lock");
        const Expected<PlanLock> lock = PlanLock::acquire(plan, 0ms);
        REQUIRE(!lock.ok());
        CHECK(lock.error() == "cannot create " + plan + ".lock: it is a symbolic link; remove it");
        CHECK(read_file(dir / "other") == "keep\n");
    }

    TEST_CASE("moving a lock moves the duty to remove it") {
        ScratchDir dir;
        const std::string plan = dir / "remedy.toml";
        Expected<PlanLock> acquired = PlanLock::acquire(plan);
        REQUIRE(acquired.ok());
        std::optional<PlanLock> moved(std::move(acquired.value()));
        CHECK(acquired->path().empty());
        CHECK(fs::exists(plan + ".lock"));
        moved.reset();
        CHECK(!fs::exists(plan + ".lock"));
    }

    TEST_CASE("a lock removed by hand and taken by another editor is left to that editor") {
        ScratchDir dir;
        const std::string plan = dir / "remedy.toml";
        {
            const Expected<PlanLock> lock = PlanLock::acquire(plan);
            REQUIRE(lock.ok());
            fs::remove(plan + ".lock");
            remedy_test::write_file(plan + ".lock", "12345\n");
        }
        CHECK(read_file(plan + ".lock") == "12345\n");
    }

    TEST_CASE("a lock that cannot be created fails at once with the reason") {
        ScratchDir dir;
        const std::string plan = dir / "missing/remedy.toml";
        const Expected<PlanLock> lock = PlanLock::acquire(plan, 5s);
        REQUIRE(!lock.ok());
        CHECK(lock.error() == "cannot create " + plan + ".lock: No such file or directory");
    }
}
