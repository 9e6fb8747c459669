// SPEC v3 "Bounds": a holidays_file and a templates folder are paths inside the plan's folder
// (no absolute path, no ".." and no symbolic link that leaves it); a holidays file must be an
// iCalendar (one with no all-day event is a warning); an error about such a file never quotes
// its content. The findings: holidays_file = "/etc/passwd", "../x.ics" and
// "/proc/self/environ" were read silently as calendars with no events.

#include "remedy/io/file_beside.h"
#include "remedy/io/plan_reader.h"
#include "scratch_dir.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <string>
#include <vector>

using namespace remedy;
namespace fs = std::filesystem;

namespace {

// Lines 1-5 the parties, 6-7 the time box, 8 [calendar], 9 the file named at column 17.
std::string calendar_plan(const std::string& named) {
    return remedy_test::parties.substr(1) + "[timebox]\nstart = 2026-10-01\n[calendar]\n" +
           "holidays_file = \"" + named + "\"\n[[issue]]\nid = \"A\"\ntitle = \"t\"\n" +
           "priority = \"high\"\ndue = 2026-10-15\n";
}

std::vector<std::string> lines_of(const LoadResult& result) {
    std::vector<std::string> lines;
    for (const Diagnostic& d : result.diagnostics)
        lines.push_back(to_string(d));
    return lines;
}

} // namespace

TEST_SUITE("files beside the plan") {
    TEST_CASE("a path is inside the plan's folder by its text, or refused saying why") {
        CHECK(*path_inside_folder("holidays/us.ics") == "holidays/us.ics");
        CHECK(*path_inside_folder("./a/../b.ics") == "b.ics");
        CHECK(path_inside_folder("/etc/passwd").error() == "it is an absolute path");
        CHECK(path_inside_folder("/proc/self/environ").error() == "it is an absolute path");
        CHECK(path_inside_folder("../x.ics").error() ==
              "its \"..\" leads out of the plan's folder");
        CHECK(path_inside_folder("a/../../x.ics").error() ==
              "its \"..\" leads out of the plan's folder");
        CHECK(path_inside_folder("").error() == "it is empty");
        CHECK(path_inside_folder("a/..").error() == "it names the plan's folder itself");
    }

    TEST_CASE("a holidays_file outside the folder is refused at its line, never read") {
        for (const std::string named : {"/etc/passwd", "../x.ics", "/proc/self/environ"}) {
            bool read = false;
            const LoadResult result =
                read_plan(calendar_plan(named), "remedy.toml",
                          [&read](const std::string&) -> Expected<std::string> {
                              read = true;
                              return std::string("root:x:0:0:root:/root:/bin/bash\n");
                          });
            INFO(named);
            CHECK_FALSE(result.plan.has_value());
            CHECK_FALSE(read);
            REQUIRE(result.diagnostics.size() == 1);
            CHECK(to_string(result.diagnostics[0])
                      .starts_with("remedy.toml:9:17: error: calendar.holidays_file '" + named +
                                   "' must be a path inside the plan's folder: "));
        }
    }

    TEST_CASE("a holidays_file that is not an iCalendar is refused, its content unquoted") {
        const LoadResult result =
            read_plan(calendar_plan("passwd.ics"), "remedy.toml",
                      [](const std::string&) -> Expected<std::string> {
                          return std::string("root:x:0:0:root:/root:/bin/bash\nBEGIN:VEVENT\n");
                      });
        CHECK_FALSE(result.plan.has_value());
        CHECK(lines_of(result) ==
              std::vector<std::string>{"passwd.ics:1:1: error: the file is not an iCalendar file: "
                                       "it does not begin with BEGIN:VCALENDAR"});
    }

    TEST_CASE("an iCalendar with no all-day event is a warning at the key") {
        const LoadResult result =
            read_plan(calendar_plan("empty.ics"), "remedy.toml",
                      [](const std::string&) -> Expected<std::string> {
                          return std::string("\xEF\xBB\xBF"
                                             "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n");
                      });
        CHECK(result.plan.has_value());
        CHECK(lines_of(result) ==
              std::vector<std::string>{"remedy.toml:9:17: warning: calendar.holidays_file "
                                       "'empty.ics' has no all-day event: no day off comes from "
                                       "it"});
    }

    TEST_CASE("a symbolic link that leads out of the folder is refused; one inside is followed") {
        remedy_test::ScratchDir dir;
        fs::create_directories(dir.path() / "plan" / "holidays");
        const std::string plan = dir / "plan/remedy.toml";
        remedy_test::write_file(dir / "outside.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        remedy_test::write_file(dir / "plan/holidays/real.ics",
                                "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        fs::create_symlink("../outside.ics", dir.path() / "plan" / "out.ics");
        fs::create_symlink(dir.path(), dir.path() / "plan" / "up");
        fs::create_symlink("holidays/real.ics", dir.path() / "plan" / "in.ics");
        CHECK(path_beside_plan(plan, "out.ics").error() ==
              "a symbolic link on its way leads out of the plan's folder");
        CHECK(path_beside_plan(plan, "up/outside.ics").error() ==
              "a symbolic link on its way leads out of the plan's folder");
        CHECK(*path_beside_plan(plan, "in.ics") == (dir.path() / "plan" / "in.ics").string());
        CHECK(*path_beside_plan(plan, "missing.ics") ==
              (dir.path() / "plan" / "missing.ics").string());

        remedy_test::write_file(plan, calendar_plan("out.ics"));
        const LoadResult out = load_plan_file(plan);
        CHECK_FALSE(out.plan.has_value());
        CHECK(lines_of(out) ==
              std::vector<std::string>{plan + ":9:17: error: calendar.holidays_file 'out.ics' "
                                              "cannot be read: a symbolic link on its way leads "
                                              "out of the plan's folder"});
        remedy_test::write_file(plan, calendar_plan("in.ics"));
        CHECK(load_plan_file(plan).plan.has_value());
    }

    TEST_CASE("a templates folder outside the plan's folder is refused at its line") {
        const std::string text = remedy_test::parties.substr(1) +
                                 "[timebox]\nstart = 2026-10-01\n[email]\ntemplates = \"/etc\"\n";
        const LoadResult result = read_plan(text, "remedy.toml");
        CHECK_FALSE(result.plan.has_value());
        CHECK(lines_of(result) ==
              std::vector<std::string>{"remedy.toml:9:13: error: email.templates '/etc' must be a "
                                       "path inside the plan's folder: it is an absolute path"});
    }
}
