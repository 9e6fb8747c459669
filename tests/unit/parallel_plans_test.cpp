#include "cli/parallel_plans.h"
#include "remedy/io/plan_finder.h"
#include "remedy/io/plan_reader.h"
#include "scratch_dir.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <filesystem>
#include <stdexcept>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

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
        std::atomic<bool> one_done{false};
        run_as_offered(
            [&](const Offer& offer) {
                offer("first");
                offer("second"); // the second item starts a second thread
                // That thread takes an item while this one still offers. Waited for without a
                // time limit that load could reach: a minute means no thread could start.
                const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
                while (!one_done && std::chrono::steady_clock::now() < give_up)
                    std::this_thread::yield();
                CHECK(one_done);
                offer("third");
            },
            [&](std::size_t, const std::string&) { one_done = true; });
    }

    TEST_CASE("one item is worked on this thread: no thread is started for it") {
        std::thread::id ran_on;
        run_as_offered(
            [](const Offer& offer) { offer("only"); },
            [&](std::size_t, const std::string&) { ran_on = std::this_thread::get_id(); });
        CHECK(ran_on == std::this_thread::get_id());
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

namespace {

// The search's final list, when what it meets on the way does not matter to the test.
std::vector<std::string> plans_in(const std::vector<std::string>& paths, const fs::path& dir) {
    return find_plans(
        paths, dir, [](const std::string&) {}, [](const std::string&, const std::string&) {});
}

} // namespace

TEST_SUITE("io::find_plans") {
    TEST_CASE("folders are searched for remedy.toml, .git skipped, in path order") {
        const ScratchDir dir;
        for (const char* name : {"b/remedy.toml", "a/x/remedy.toml", "a/remedy.toml",
                                 "a/draft.toml", ".git/remedy.toml", "c/.git/y/remedy.toml"}) {
            fs::create_directories(fs::path(dir / name).parent_path());
            write_file(dir / name, "# a plan\n");
        }
        fs::create_directory_symlink(dir.path(), dir.path() / "a" / "loop");
        CHECK(plans_in({}, dir.path()) ==
              std::vector<std::string>{"a/remedy.toml", "a/x/remedy.toml", "b/remedy.toml"});
        CHECK(plans_in({"b", "a/draft.toml", "b/remedy.toml", "missing.toml"}, dir.path()) ==
              std::vector<std::string>{"b/remedy.toml", "a/draft.toml", "missing.toml"});
        std::vector<std::string> met;
        const auto meet = [&](const std::string& file) {
            met.push_back(file);
        };
        CHECK(find_plans({"b", "a/draft.toml", "b/remedy.toml", "."}, dir.path(), meet,
                         [](const std::string&, const std::string&) { FAIL("skipped"); }) ==
              std::vector<std::string>{"b/remedy.toml", "a/draft.toml", "a/remedy.toml",
                                       "a/x/remedy.toml"});
        // Each file once, as it is met; only the order of the folder's own may differ.
        REQUIRE(met.size() == 4);
        CHECK(met[0] == "b/remedy.toml");
        CHECK(met[1] == "a/draft.toml");
        std::sort(met.begin() + 2, met.end());
        CHECK(met[2] == "a/remedy.toml");
        CHECK(met[3] == "a/x/remedy.toml");
        CHECK(plans_in({dir.path().string() + "/b"}, "/") ==
              std::vector<std::string>{(dir.path() / "b" / "remedy.toml").string()});
    }

    TEST_CASE("a PATH that is a link is searched; below it, links are plans only to files") {
        const ScratchDir dir;
        fs::create_directories(dir / "real/c");
        write_file(dir / "real/c/remedy.toml", "# a plan\n");
        write_file(dir / "real/elsewhere.toml", "# a plan by another name\n");
        fs::create_directories(dir / "real/d");
        fs::create_symlink(dir.path() / "real" / "elsewhere.toml",
                           dir.path() / "real" / "d" / "remedy.toml");
        fs::create_directories(dir / "real/e");
        fs::create_directory_symlink(dir.path() / "real" / "c",
                                     dir.path() / "real" / "e" / "remedy.toml");
        fs::create_directory_symlink(dir.path() / "real", dir.path() / "clients");
        CHECK(plans_in({"clients", "./clients/"}, dir.path()) ==
              std::vector<std::string>{"clients/c/remedy.toml", "clients/d/remedy.toml"});
    }

    TEST_CASE("a folder deeper than PATH_MAX is searched, and its plan read") {
        // The finding: such folders were skipped (opened by their whole path, they cannot be).
        const ScratchDir dir;
        fs::create_directory(dir.path() / "near");
        write_file(dir / "near/remedy.toml", "# a plan\n");
        const std::string part(200, 'd');
        constexpr int levels = 24; // 24 * 201 bytes > 4096
        std::vector<int> fds{::open(dir.path().c_str(), O_RDONLY | O_DIRECTORY)};
        std::string deep;
        for (int level = 0; level < levels; ++level) {
            REQUIRE(::mkdirat(fds.back(), part.c_str(), 0700) == 0);
            fds.push_back(::openat(fds.back(), part.c_str(), O_RDONLY | O_DIRECTORY));
            REQUIRE(fds.back() >= 0);
            deep += part + "/";
        }
        const int plan = ::openat(fds.back(), "remedy.toml", O_WRONLY | O_CREAT, 0600);
        REQUIRE(plan >= 0);
        REQUIRE(::write(plan, "[client]\n", 9) == 9);
        ::close(plan);

        for (FolderListing listing : {FolderListing::fastest, FolderListing::portable}) {
            CHECK(find_plans(
                      {"."}, dir.path(), [](const std::string&) {},
                      [](const std::string& folder, const std::string& why) {
                          FAIL("skipped " << folder << ": " << why);
                      },
                      listing) ==
                  std::vector<std::string>{deep + "remedy.toml", "near/remedy.toml"});
        }
        // Read by its whole path, longer than PATH_MAX: opened a stretch at a time.
        const LoadResult loaded = load_plan_file((dir.path() / (deep + "remedy.toml")).string());
        CHECK(loaded.file_read);

        // Taken down the way it was built: removing by whole paths would fail.
        ::unlinkat(fds.back(), "remedy.toml", 0);
        for (int level = levels; level > 0; --level) {
            ::close(fds[static_cast<std::size_t>(level)]);
            ::unlinkat(fds[static_cast<std::size_t>(level) - 1], part.c_str(), AT_REMOVEDIR);
        }
        ::close(fds[0]);
    }

    TEST_CASE("the portable listing (readdir) finds what getdents64 finds") {
        const ScratchDir dir;
        for (int k = 0; k < 300; ++k) { // more than one buffer of entries
            const std::string folder = "region-" + std::to_string(k % 7) + "/client-" +
                                       std::to_string(k) + (k % 5 == 0 ? "/.git/x" : "");
            fs::create_directories(dir.path() / folder);
            write_file(dir / (folder + "/remedy.toml"), "# a plan\n");
            write_file(dir / (folder + "/README.md"), "# not a plan\n");
        }
        fs::create_directory_symlink(dir.path(), dir.path() / "region-0" / "loop");
        fs::create_symlink(dir.path() / "region-1" / "client-1" / "remedy.toml",
                           dir.path() / "region-2" / "remedy.toml");
        const auto found = [&](FolderListing listing) {
            return find_plans(
                {"."}, dir.path(), [](const std::string&) {},
                [](const std::string&, const std::string&) { FAIL("skipped"); }, listing);
        };
        const std::vector<std::string> fastest = found(FolderListing::fastest);
        CHECK(fastest.size() == 300 - 60 + 1);
        CHECK(found(FolderListing::portable) == fastest);
    }

    TEST_CASE("a folder that cannot be opened is said, and the search goes on") {
        // Root opens a folder whatever its mode: nothing to check there.
        if (::geteuid() == 0)
            return;
        const ScratchDir dir;
        fs::create_directories(dir.path() / "near");
        fs::create_directories(dir.path() / "shut" / "inside");
        write_file(dir / "near/remedy.toml", "# a plan\n");
        fs::permissions(dir.path() / "shut", fs::perms::none);
        for (FolderListing listing : {FolderListing::fastest, FolderListing::portable}) {
            std::vector<std::string> skipped;
            CHECK(find_plans(
                      {"."}, dir.path(), [](const std::string&) {},
                      [&](const std::string& folder, const std::string& why) {
                          skipped.push_back(folder + ": " + why);
                      },
                      listing) == std::vector<std::string>{"near/remedy.toml"});
            CHECK(skipped == std::vector<std::string>{"shut: Permission denied"});
        }
        fs::permissions(dir.path() / "shut", fs::perms::owner_all);
    }
}
