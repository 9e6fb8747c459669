#include "cli/parallel_plans.h"
#include "remedy/io/plan_finder.h"
#include "scratch_dir.h"

#include <algorithm>
#include <atomic>
#include <doctest/doctest.h>
#include <filesystem>
#include <stdexcept>
#include <thread>

using namespace remedy;
using remedy_test::ScratchDir;
using remedy_test::write_file;
namespace fs = std::filesystem;

TEST_SUITE("cli::run_as_offered") {
    TEST_CASE("every item runs once, and one that throws stops no other") {
        constexpr std::size_t count = 200;
        std::vector<int> runs(count, 0);
        const std::vector<std::exception_ptr> failures = run_as_offered(
            [](const Offer& offer) {
                for (std::size_t i = 0; i < count; ++i)
                    offer("item " + std::to_string(i));
            },
            [&](std::size_t i, const std::string& item) {
                CHECK(item == "item " + std::to_string(i)); // numbered in the order offered
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

    TEST_CASE("jobs start while items are still being offered") {
        if (std::thread::hardware_concurrency() < 2)
            return; // one thread finds all the work first: nothing to overlap
        std::atomic<bool> first_done{false};
        run_as_offered(
            [&](const Offer& offer) {
                offer("first");
                // Another thread takes it while this one waits, without a time limit: the
                // test cannot pass on a slow machine by chance, and fails by hanging.
                while (!first_done)
                    std::this_thread::yield();
                offer("second");
            },
            [&](std::size_t i, const std::string&) {
                if (i == 0)
                    first_done = true;
            });
        CHECK(first_done);
    }

    TEST_CASE("a search that throws stops the offers, and every thread is joined") {
        std::atomic<int> ran{0};
        CHECK_THROWS_WITH(run_as_offered(
                              [](const Offer& offer) {
                                  offer("a");
                                  throw std::runtime_error("the search failed");
                              },
                              [&](std::size_t, const std::string&) { ++ran; }),
                          "the search failed");
        CHECK(ran <= 1);
    }

    TEST_CASE("nothing offered: nothing runs") {
        CHECK(run_as_offered([](const Offer&) {},
                             [](std::size_t, const std::string&) { FAIL("ran"); })
                  .empty());
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
        std::vector<std::string> met;
        const auto meet = [&](const std::string& file) {
            met.push_back(file);
        };
        CHECK(find_plans({"b", "a/draft.toml", "b/remedy.toml", "."}, dir.path(), meet) ==
              std::vector<std::string>{"b/remedy.toml", "a/draft.toml", "a/remedy.toml",
                                       "a/x/remedy.toml"});
        // Each file once, as it is met; only the order of the folder's own may differ.
        REQUIRE(met.size() == 4);
        CHECK(met[0] == "b/remedy.toml");
        CHECK(met[1] == "a/draft.toml");
        std::sort(met.begin() + 2, met.end());
        CHECK(met[2] == "a/remedy.toml");
        CHECK(met[3] == "a/x/remedy.toml");
        CHECK(find_plans({dir.path().string() + "/b"}, "/") ==
              std::vector<std::string>{(dir.path() / "b" / "remedy.toml").string()});
    }
}
