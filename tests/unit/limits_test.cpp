// Each limit of docs/limits.md at its boundary: the limit itself is read, one more is refused
// with its place.

#include "io/key_depth.h"
#include "remedy/io/limits.h"
#include "remedy/io/plan_reader.h"
#include "remedy/io/text_file.h"
#include "scratch_dir.h"
#include "test_support.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace remedy;

namespace {

std::vector<std::string> errors_of(std::string_view text) {
    std::vector<std::string> lines;
    for (const Diagnostic& diagnostic : read_plan(text, "remedy.toml").diagnostics)
        if (diagnostic.severity == Severity::error)
            lines.push_back(to_string(diagnostic));
    return lines;
}

// Lines 1 to 8: the parties and a time box; an issue written by `issue_keys` from line 10 on.
std::string plan_with_issue(std::string_view issue_keys) {
    return "[client]\n"
           "name = \"Northwind Traders\"\n"
           "[provider]\n"
           "name = \"Acme Managed IT\"\n"
           "[timebox]\n"
           "start = 2026-10-01\n"
           "\n"
           "\n"
           "[[issue]]\n" +
           std::string(issue_keys);
}

std::string issue_with(std::string_view id, std::string_view title, std::string_view notes) {
    return plan_with_issue(fmt::format("id = \"{}\"\ntitle = \"{}\"\npriority = \"high\"\n"
                                       "due = 2026-10-15\nnotes = \"{}\"\n",
                                       id, title, notes));
}

std::string repeated(std::string_view piece, std::size_t times) {
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i)
        out += piece;
    return out;
}

// A file of `size` bytes that takes no room on disk.
void make_sparse_file(const std::string& path, std::uint64_t size) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    REQUIRE(fd >= 0);
    REQUIRE(::ftruncate(fd, static_cast<off_t>(size)) == 0);
    ::close(fd);
}

} // namespace

TEST_SUITE("limits") {
    TEST_CASE("an issue id of 64 characters is read, one of 65 is refused at the value") {
        const std::string id64 = "N" + repeated("x", limits::max_id_chars - 1);
        CHECK(errors_of(issue_with(id64, "t", "")).empty());
        CHECK(errors_of(issue_with(id64 + "x", "t", "")) ==
              std::vector<std::string>{"remedy.toml:10:6: error: issue.id is 65 characters long; "
                                       "the limit is 64 (docs/limits.md)"});
    }

    TEST_CASE("a one-line string is limited in characters, not bytes, and never cut") {
        // "é" is two bytes: 4,096 of them are 8,192 bytes and still within the limit.
        const std::string title = repeated("é", limits::max_line_chars);
        const Plan plan = remedy_test::load(issue_with("NET-1", title, ""));
        CHECK(plan.issues.at(0).title == title);
        CHECK(errors_of(issue_with("NET-1", title + "x", "")) ==
              std::vector<std::string>{
                  "remedy.toml:11:9: error: issue.title is 4,097 characters long; the limit is "
                  "4,096 (docs/limits.md)"});
    }

    TEST_CASE("notes may hold 65,536 characters, not one more") {
        const std::string notes = repeated("n", limits::max_text_chars);
        CHECK(remedy_test::load(issue_with("NET-1", "t", notes)).issues.at(0).notes == notes);
        CHECK(errors_of(issue_with("NET-1", "t", notes + "n")) ==
              std::vector<std::string>{
                  "remedy.toml:14:9: error: issue.notes is 65,537 characters long; the limit is "
                  "65,536 (docs/limits.md)"});
    }

    TEST_CASE("more issues than the limit are refused at the first one too many, none read") {
        // Empty inline tables keep the file small; the count is checked before any is read.
        const std::string text = "issue = [" + repeated("{},", limits::max_issues) + "{}]\n";
        const LoadResult result = read_plan(text, "remedy.toml");
        REQUIRE(result.diagnostics.size() >= 1);
        CHECK(to_string(result.diagnostics.back()) ==
              "remedy.toml:1:3000010: error: more than 1,000,000 [[issue]] tables, the limit "
              "(docs/limits.md)");
        // Only the missing tables and the count: not one issue was read.
        CHECK(result.diagnostics.size() == 4);
    }

    TEST_CASE("more incidents than the limit are refused") {
        const std::string text = "incident = [" + repeated("{},", limits::max_incidents) + "{}]\n";
        const std::vector<std::string> errors = errors_of(text);
        REQUIRE(errors.size() == 4);
        CHECK(errors.back() == "remedy.toml:1:3000013: error: more than 1,000,000 [[incident]] "
                               "tables, the limit (docs/limits.md)");
    }

    TEST_CASE("a time box may have 1,000 extensions, not 1,001") {
        const std::string extension = "[[timebox.extension]]\ndays = 1\nagreed = 2026-10-02\n"
                                      "reason = \"r\"\n";
        const std::string head = "[client]\nname = \"C\"\n[provider]\nname = \"P\"\n"
                                 "[timebox]\nstart = 2026-10-01\n";
        const Plan plan = remedy_test::load(head + repeated(extension, limits::max_extensions));
        CHECK(plan.timebox.extensions.size() == 1000);
        // The 1,001st extension's header is on line 7 + 4 * 1,000.
        CHECK(errors_of(head + repeated(extension, limits::max_extensions + 1)) ==
              std::vector<std::string>{"remedy.toml:4007:1: error: more than 1,000 "
                                       "[[timebox.extension]] tables, the limit (docs/limits.md)"});
    }

    TEST_CASE("provider.cc may list 100 addresses, not 101") {
        const auto plan_with_cc = [](std::size_t count) {
            std::string cc = "cc = [";
            for (std::size_t i = 0; i < count; ++i)
                cc += fmt::format("{}\"a{}@x.example\"", i == 0 ? "" : ",", i);
            return "[client]\nname = \"C\"\n[provider]\nname = \"P\"\n" + cc +
                   "]\n[timebox]\nstart = 2026-10-01\n";
        };
        CHECK(remedy_test::load(plan_with_cc(limits::max_cc)).provider.cc.size() == 100);
        // After "cc = [" (6 columns): 10 entries of 14 characters, 90 of 15 and 100 commas.
        CHECK(errors_of(plan_with_cc(limits::max_cc + 1)) ==
              std::vector<std::string>{"remedy.toml:5:1597: error: provider.cc has more than 100 "
                                       "addresses, the limit (docs/limits.md)"});
    }

    TEST_CASE("a dotted key or header of 32 parts is read, one of 33 is refused before parsing") {
        const auto key = [](std::size_t parts) {
            std::string out = "k";
            for (std::size_t i = 1; i < parts; ++i)
                out += ".k";
            return out;
        };
        CHECK(!find_too_deep_key("x = 1\n" + key(32) + " = 1\n", 32));
        CHECK(!find_too_deep_key("[" + key(32) + "]\n", 32));
        const auto at = find_too_deep_key("x = 1\n  [" + key(33) + "]\n", 32);
        REQUIRE(at);
        CHECK(at->line == 2);
        CHECK(at->column == 4);
        CHECK(errors_of("# é\n" + key(33) + " = 1\n") ==
              std::vector<std::string>{"remedy.toml:2:1: error: a dotted key or table header has "
                                       "more than 32 parts, the limit (docs/limits.md)"});
        // Tens of thousands of parts used to overflow the TOML library's stack.
        CHECK(errors_of(key(100'000) + " = 1\n").size() == 1);
    }

    TEST_CASE("dots inside strings, comments and values are not parts of a key") {
        const std::string dots = repeated(".", 100);
        CHECK(!find_too_deep_key("a = \"" + dots + "\"\n", 32));
        CHECK(!find_too_deep_key("a = '" + dots + "'\n", 32));
        CHECK(!find_too_deep_key("a = \"\"\"\n" + dots + "\\\"\"\"" + dots + "\"\"\"\n", 32));
        CHECK(!find_too_deep_key("a = '''\n" + dots + "'''\n", 32));
        CHECK(!find_too_deep_key("# " + repeated("k.", 100) + "\n", 32));
        CHECK(!find_too_deep_key("a = [" + repeated("1.5, ", 100) + "]\n", 32));
        // Quoted parts count like bare ones, spaces around the dots too.
        CHECK(find_too_deep_key("a = 1\n" + repeated("\"q\" . ", 33) + "z = 1\n", 32));
        // A multi-line string's lines are counted for the place of a later key.
        const auto at =
            find_too_deep_key("a = \"\"\"\nx\ny\\\n\"\"\"\n" + repeated("k.", 40) + "k = 1\n", 32);
        REQUIRE(at);
        CHECK(at->line == 5);
    }

    TEST_CASE("arrays nested deeper than the TOML library allows are a located, plain error") {
        CHECK(errors_of("a = " + repeated("[", 10'000) + repeated("]", 10'000) + "\n") ==
              std::vector<std::string>{"remedy.toml:1:261: error: invalid TOML: arrays or inline "
                                       "tables nested more than 256 deep, the limit "
                                       "(docs/limits.md)"});
    }

    TEST_CASE("the deadline may fall on 9999-12-31, not after") {
        const std::string head = "[client]\nname = \"C\"\n[provider]\nname = \"P\"\n";
        CHECK(remedy_test::load(head + "[timebox]\nstart = 9999-11-01\n").timebox.days == 60);
        CHECK(errors_of(head + "[timebox]\nstart = 9999-11-02\n") ==
              std::vector<std::string>{"remedy.toml:5:1: error: the time box of 60 days from "
                                       "9999-11-02 ends after 9999-12-31, the last day remedy "
                                       "accepts"});
        CHECK(errors_of(head + "[timebox]\nstart = 9999-12-01\ndays = 31\n") ==
              std::vector<std::string>{"remedy.toml:7:8: error: the time box of 31 days from "
                                       "9999-12-01 ends after 9999-12-31, the last day remedy "
                                       "accepts"});
    }

    TEST_CASE("a deadline rolled to the next working day may not pass 9999-12-31") {
        // 9999-11-01 + 60 days is Friday 9999-12-31; a holiday that day would roll the deadline
        // to Monday 10000-01-03, a day no date of remedy can write.
        const std::string head = "[client]\nname = \"C\"\n[provider]\nname = \"P\"\n";
        CHECK(errors_of(head + "[timebox]\nstart = 9999-11-01\n[calendar]\n"
                               "holidays = [9999-12-31]\n") ==
              std::vector<std::string>{"remedy.toml:5:1: error: the time box of 60 days from "
                                       "9999-11-01 ends on a day off, and the next working day "
                                       "is after 9999-12-31, the last day remedy accepts"});
        // The same day reached by an extension: refused at the extension's days.
        CHECK(errors_of(head + "[timebox]\nstart = 9999-10-01\n[[timebox.extension]]\n"
                               "days = 31\nagreed = 9999-10-05\nreason = \"r\"\n[calendar]\n"
                               "holidays = [9999-12-31]\n") ==
              std::vector<std::string>{"remedy.toml:8:8: error: with this extension of 31 days "
                                       "the deadline falls on a day off, and the next working "
                                       "day is after 9999-12-31, the last day remedy accepts"});
        // Without the holiday, both end on 9999-12-31 and are valid plans.
        CHECK(
            remedy_test::load(head + "[timebox]\nstart = 9999-11-01\n[calendar]\n").timebox.days ==
            60);
    }

    TEST_CASE("a waived issue's penalties up to its waiver must fit in 64 bits too") {
        // 9,000,000,000,000,000.00 a day is 9 x 10^17 cents: waived on the deadline, 60 late
        // days owe 5.4 x 10^19 cents, past 2^63. Waived on the first day, it owes nothing.
        const auto plan = [](std::string_view waived) {
            return fmt::format("[client]\nname = \"C\"\n[provider]\nname = \"P\"\n"
                               "[timebox]\nstart = 2026-10-01\n[penalties]\n"
                               "[penalties.per_day]\ncritical = \"9000000000000000.00\"\n"
                               "[[issue]]\nid = \"A\"\ntitle = \"t\"\npriority = \"critical\"\n"
                               "due = 2026-10-01\nstatus = \"waived\"\nwaived = {}\n",
                               waived);
        };
        CHECK(errors_of(plan("2026-11-30")) ==
              std::vector<std::string>{"remedy.toml:13:12: error: the penalties of issue A "
                                       "(critical) are too large to compute exactly; lower "
                                       "penalties.per_day or penalties.per_miss"});
        CHECK(remedy_test::load(plan("2026-10-01")).issues.size() == 1);
    }

    TEST_CASE("an issue's grace may end on 9999-12-31, not after") {
        const auto plan = [](int grace_days) {
            return fmt::format("[client]\nname = \"C\"\n[provider]\nname = \"P\"\n"
                               "[timebox]\nstart = 9999-11-01\n[penalties]\ngrace_days = {}\n"
                               "[[issue]]\nid = \"A\"\ntitle = \"t\"\npriority = \"low\"\n"
                               "due = 9999-12-21\n",
                               grace_days);
        };
        CHECK(remedy_test::load(plan(10)).penalties.grace_days == 10);
        CHECK(errors_of(plan(11)) ==
              std::vector<std::string>{"remedy.toml:13:7: error: issue A is due 9999-12-21; with "
                                       "penalties.grace_days = 11 its grace ends after "
                                       "9999-12-31, the last day remedy accepts"});
    }

    TEST_CASE("a plan file of the size limit is read, one byte more is refused unread") {
        remedy_test::ScratchDir dir;
        make_sparse_file(dir / "limit.toml", limits::max_plan_bytes);
        const Expected<std::string> at_limit = read_text_file(dir / "limit.toml");
        REQUIRE(at_limit);
        CHECK(at_limit->size() == limits::max_plan_bytes);
        make_sparse_file(dir / "over.toml", limits::max_plan_bytes + 1);
        const Expected<std::string> over = read_text_file(dir / "over.toml");
        REQUIRE(!over);
        CHECK(over.error() == "it is larger than 256 MiB, the limit (docs/limits.md)");
    }

    TEST_CASE("a FIFO without a writer reads as empty instead of waiting") {
        remedy_test::ScratchDir dir;
        REQUIRE(::mkfifo((dir / "plan.toml").c_str(), 0600) == 0);
        const Expected<std::string> text = read_text_file(dir / "plan.toml");
        REQUIRE(text);
        CHECK(text->empty());
    }

    TEST_CASE("a device is not a plan file") {
        const Expected<std::string> text = read_text_file("/dev/null");
        REQUIRE(!text);
        CHECK(text.error() == "it is not a regular file");
    }
}
