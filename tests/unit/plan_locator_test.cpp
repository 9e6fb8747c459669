#include "remedy/io/plan_locator.h"

#include <chrono>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

using namespace remedy;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the system's temporary directory, removed with everything in it.
class TempDir {
public:
    TempDir() {
        std::random_device random;
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path_ = fs::temp_directory_path() /
                ("remedy-locator-test-" + std::to_string(stamp) + "-" + std::to_string(random()));
        fs::create_directories(path_);
        path_ = fs::canonical(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return path_; }

    // Creates `relative` (and its directories) holding a line of TOML.
    void file(const fs::path& relative) const {
        fs::create_directories((path_ / relative).parent_path());
        std::ofstream(path_ / relative) << "# a plan\n";
    }
    fs::path dir(const fs::path& relative) const {
        fs::create_directories(path_ / relative);
        return path_ / relative;
    }

private:
    fs::path path_;
};

} // namespace

TEST_SUITE("plan_locator") {
    TEST_CASE("-f wins over the environment and the search") {
        TempDir tmp;
        tmp.file("remedy.toml");
        const Expected<std::string> found =
            locate_plan(std::string("plans/q4.toml"), std::string("env.toml"), tmp.path());
        REQUIRE(found.ok());
        CHECK(*found == "plans/q4.toml");
    }

    TEST_CASE("-f is taken as given, even when the file does not exist") {
        TempDir tmp;
        const Expected<std::string> found =
            locate_plan(std::string("missing.toml"), {}, tmp.path());
        REQUIRE(found.ok());
        CHECK(*found == "missing.toml");
    }

    TEST_CASE("REMEDY_PLAN wins over the search") {
        TempDir tmp;
        tmp.file("remedy.toml");
        const Expected<std::string> found = locate_plan({}, std::string("env.toml"), tmp.path());
        REQUIRE(found.ok());
        CHECK(*found == "env.toml");
    }

    TEST_CASE("an empty REMEDY_PLAN is ignored and the search goes on") {
        TempDir tmp;
        tmp.file("remedy.toml");
        const Expected<std::string> found = locate_plan({}, std::string(), tmp.path());
        REQUIRE(found.ok());
        CHECK(*found == "remedy.toml");
    }

    TEST_CASE("the search finds remedy.toml in the working directory") {
        TempDir tmp;
        tmp.file("remedy.toml");
        const Expected<std::string> found = locate_plan({}, {}, tmp.path());
        REQUIRE(found.ok());
        CHECK(*found == "remedy.toml");
    }

    TEST_CASE("the search goes upwards and finds ../remedy.toml") {
        TempDir tmp;
        tmp.file("remedy.toml");
        const Expected<std::string> found = locate_plan({}, {}, tmp.dir("sub"));
        REQUIRE(found.ok());
        CHECK(*found == "../remedy.toml");
    }

    TEST_CASE("the search goes up several levels") {
        TempDir tmp;
        tmp.file("remedy.toml");
        const Expected<std::string> found = locate_plan({}, {}, tmp.dir("sub/deeper"));
        REQUIRE(found.ok());
        CHECK(*found == "../../remedy.toml");
    }

    TEST_CASE("the nearest remedy.toml upwards wins") {
        TempDir tmp;
        tmp.file("remedy.toml");
        tmp.file("sub/remedy.toml");
        const Expected<std::string> found = locate_plan({}, {}, tmp.dir("sub/deeper"));
        REQUIRE(found.ok());
        CHECK(*found == "../remedy.toml");
    }

    TEST_CASE("a directory named remedy.toml is not a plan") {
        TempDir tmp;
        tmp.file("remedy.toml");
        tmp.dir("sub/remedy.toml");
        const Expected<std::string> found = locate_plan({}, {}, tmp.path() / "sub");
        REQUIRE(found.ok());
        CHECK(*found == "../remedy.toml");
    }

    TEST_CASE("no remedy.toml anywhere upwards is an error that says where it looked") {
        TempDir tmp;
        const fs::path start = tmp.dir("a/b");
        // The test means nothing if a directory above the temporary one holds a plan.
        for (fs::path dir = start;; dir = dir.parent_path()) {
            REQUIRE_FALSE(fs::exists(dir / "remedy.toml"));
            if (dir == dir.parent_path())
                break;
        }
        const Expected<std::string> found = locate_plan({}, {}, start);
        REQUIRE_FALSE(found.ok());
        CHECK(found.error() ==
              "no plan found: no remedy.toml in " + start.string() + " or any directory above it");
    }
}
