#include "remedy/edit/plan_lock.h"
#include "scratch_dir.h"

#include <chrono>
#include <doctest/doctest.h>
#include <filesystem>
#include <optional>
#include <string>
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
        CHECK(second.error() == plan + ".lock exists: another remedy is editing " + plan +
                                    " (if none is running, remove " + plan + ".lock)");
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

    TEST_CASE("a stale lock, left by an editor that died, is not taken over") {
        ScratchDir dir;
        const std::string plan = dir / "remedy.toml";
        remedy_test::write_file(plan + ".lock", "99999\n");
        const Expected<PlanLock> lock = PlanLock::acquire(plan, 0ms);
        REQUIRE(!lock.ok());
        CHECK(lock.error() == plan + ".lock exists: another remedy is editing " + plan +
                                  " (if none is running, remove " + plan + ".lock)");
        CHECK(read_file(plan + ".lock") == "99999\n");
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
