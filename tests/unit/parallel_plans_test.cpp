#include "cli/parallel_plans.h"
#include "remedy/io/plan_finder.h"
#include "scratch_dir.h"

#include <atomic>
#include <doctest/doctest.h>
#include <filesystem>
#include <stdexcept>

using namespace remedy;
using remedy_test::ScratchDir;
using remedy_test::write_file;
namespace fs = std::filesystem;

TEST_SUITE("cli::run_in_parallel") {
    TEST_CASE("every job runs once, and one that throws stops no other") {
        constexpr std::size_t count = 200;
        std::vector<int> runs(count, 0);
        const std::vector<std::exception_ptr> failures = run_in_parallel(count, [&](std::size_t i) {
            ++runs[i];
            if (i % 7 == 3)
                throw std::runtime_error("job " + std::to_string(i));
            if (i % 11 == 5)
                throw 42; // not even a std::exception
        });
        REQUIRE(failures.size() == count);
        for (std::size_t i = 0; i < count; ++i) {
            CHECK(runs[i] == 1);
            CHECK(static_cast<bool>(failures[i]) == (i % 7 == 3 || i % 11 == 5));
        }
        CHECK_THROWS_WITH(std::rethrow_exception(failures[3]), "job 3");
    }

    TEST_CASE("no job: nothing runs") {
        CHECK(run_in_parallel(0, [](std::size_t) { FAIL("ran"); }).empty());
    }
}

TEST_SUITE("io::find_plans") {
    TEST_CASE("folders are searched for remedy.toml, .git skipped, in path order") {
        const ScratchDir dir;
        for (const char* name : {"b/remedy.toml", "a/x/remedy.toml", "a/remedy.toml",
                                 "a/draft.toml", ".git/remedy.toml", "c/.git/y/remedy.toml"}) {
            fs::create_directories(fs::path(dir / name).parent_path());
            write_file(dir / name, "# a plan\n");
        }
        fs::create_directory_symlink(dir.path(), dir.path() / "a" / "loop");
        CHECK(find_plans({}, dir.path()) ==
              std::vector<std::string>{"a/remedy.toml", "a/x/remedy.toml", "b/remedy.toml"});
        CHECK(find_plans({"b", "a/draft.toml", "b/remedy.toml", "missing.toml"}, dir.path()) ==
              std::vector<std::string>{"b/remedy.toml", "a/draft.toml", "missing.toml"});
        CHECK(find_plans({dir.path().string() + "/b"}, "/") ==
              std::vector<std::string>{(dir.path() / "b" / "remedy.toml").string()});
    }
}
