#include "remedy/history/git_output.h"

#include <chrono>
#include <date/date.h>
#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

using namespace remedy;
using namespace std::string_literals;

namespace {

// What `git log -z --format=<line_format>` writes for one commit: \x01 and the hash, then the
// parents, the committer time, the author's name and address, the committer's, the subject,
// each after a NUL; records are separated by a NUL.
std::string line_entry(std::string_view hash, std::string_view parents, std::string_view seconds,
                       std::string_view author = "Ann", std::string_view subject = "Update",
                       std::string_view committer = "Ann") {
    return "\x01"s + std::string(hash) + '\0' + std::string(parents) + '\0' + std::string(seconds) +
           '\0' + std::string(author) + '\0' + "ann@example.com" + '\0' + std::string(committer) +
           '\0' + "ann@example.com" + '\0' + std::string(subject) + '\0';
}

// What `git log --follow --raw -z --format=%x01%H` writes for one commit: the hash, then a raw
// line and its path (two for a rename or copy).
std::string follow_entry(std::string_view hash, std::string_view raw = {},
                         std::vector<std::string> paths = {}) {
    std::string entry = "\x01"s + std::string(hash) + '\0';
    if (!raw.empty())
        entry += "\n" + std::string(raw) + '\0';
    for (const std::string& path : paths)
        entry += path + '\0';
    return entry;
}

std::chrono::sys_seconds at(long long seconds) {
    return std::chrono::sys_seconds{std::chrono::seconds{seconds}};
}

std::chrono::sys_seconds time_of(std::string_view digits) {
    const Expected<std::chrono::sys_seconds> parsed = commit_time(digits);
    REQUIRE(parsed.ok());
    return *parsed;
}

std::string log_error(std::string_view log) {
    const Expected<std::vector<CommitInfo>> parsed = parse_commit_log(log);
    return parsed ? std::string() : parsed.error();
}

} // namespace

TEST_SUITE("git_output") {
    TEST_CASE("the first-parent line comes out oldest first, with parents, time and people") {
        const Expected<std::vector<CommitInfo>> parsed =
            parse_commit_log(line_entry("bbbb", "aaaa cccc", "200", "Bob", "Merge", "Carol") +
                             line_entry("aaaa", "", "100"));
        REQUIRE(parsed.ok());
        REQUIRE(parsed->size() == 2);
        CHECK((*parsed)[0].commit == "aaaa");
        CHECK((*parsed)[0].parents.empty());
        CHECK((*parsed)[0].committed == at(100));
        CHECK((*parsed)[1].parents == std::vector<std::string>{"aaaa", "cccc"});
        CHECK((*parsed)[1].author == "Bob");
        CHECK((*parsed)[1].committer == "Carol");
        CHECK((*parsed)[1].subject == "Merge");
    }

    TEST_CASE("a subject is whatever the pusher wrote: fields are counted, not recognised") {
        const Expected<std::vector<CommitInfo>> parsed =
            parse_commit_log(line_entry("aaaa", "", "100", "Bob \"B\" O'Neil",
                                        "\x01"
                                        "cccc 300 \n<b>fix</b>"));
        REQUIRE(parsed.ok());
        REQUIRE(parsed->size() == 1);
        CHECK((*parsed)[0].author == "Bob \"B\" O'Neil");
        CHECK((*parsed)[0].subject == "\x01"
                                      "cccc 300 \n<b>fix</b>");
    }

    TEST_CASE("a log cut off inside a commit's fields, or not starting with one, is refused") {
        CHECK(log_error("\x01"
                        "aaaa\0\0"
                        "100\0Ann\0"s) == "git log stopped early");
        CHECK(log_error("garbage\0"s) == "unexpected output from git log: garbage");
        CHECK(log_error(line_entry("aaaa", "", "soon")) == "unexpected commit time from git: soon");
        CHECK(log_error(line_entry("aaaa", "", "100x")) == "unexpected commit time from git: 100x");
    }

    TEST_CASE("an empty log is no commit") {
        const Expected<std::vector<CommitInfo>> parsed = parse_commit_log("");
        REQUIRE(parsed.ok());
        CHECK(parsed->empty());
    }

    // git keeps whatever time a pusher wrote in a commit; no day of it may overflow or leave the
    // years remedy's dates cover.
    TEST_CASE("an absurd commit time is kept within 1900..9999, never refused") {
        const auto day = [](std::chrono::sys_seconds t) {
            return date::floor<date::days>(t);
        };
        CHECK(time_of("1790845200") == at(1790845200));
        CHECK(day(time_of("9223372036854775807")) == date::sys_days{date::year{9999} / 12 / 30});
        CHECK(day(time_of("99999999999999999999999")) ==
              date::sys_days{date::year{9999} / 12 / 30});
        CHECK(day(time_of("0")) == date::sys_days{date::year{1970} / 1 / 1});
        CHECK(day(time_of("-9223372036854775808")) == date::sys_days{date::year{1900} / 1 / 2});
        CHECK(day(time_of("-99999999999999999999")) == date::sys_days{date::year{1900} / 1 / 2});
        CHECK(day(time_of("")) == date::sys_days{date::year{1900} / 1 / 2}); // git: unreadable
        CHECK_FALSE(commit_time("-").ok());
        CHECK_FALSE(commit_time("12 34").ok());
    }

    TEST_CASE("the plan's touches: path and link after each commit, renames followed") {
        const Expected<std::vector<PlanTouch>> parsed = parse_follow_log(
            follow_entry("dddd", ":100644 120000 aaa bbb T", {"remedy.toml"}) +
            follow_entry("cccc") + // a merge that left the path alone
            follow_entry("bbbb", ":100644 100644 aaa bbb R100", {"old.toml", "remedy.toml"}) +
            follow_entry("aaaa", ":000000 100644 000 aaa A", {"old.toml"}));
        REQUIRE(parsed.ok());
        REQUIRE(parsed->size() == 4);
        CHECK((*parsed)[0].commit == "aaaa");
        CHECK((*parsed)[0].path == "old.toml");
        CHECK((*parsed)[1].path == "remedy.toml");
        CHECK_FALSE((*parsed)[1].link);
        CHECK((*parsed)[2].commit == "cccc");
        CHECK((*parsed)[2].path == "remedy.toml");
        CHECK((*parsed)[3].path == "remedy.toml");
        CHECK((*parsed)[3].link);
        // What each left at the path: the new id, the merge the same as the commit before it.
        CHECK((*parsed)[0].object == "aaa");
        CHECK((*parsed)[0].type == "blob");
        CHECK((*parsed)[1].object == "bbb");
        CHECK((*parsed)[2].object == "bbb");
        CHECK((*parsed)[2].commit == "cccc");
        CHECK((*parsed)[3].object == "bbb");
    }

    TEST_CASE("a deleted plan leaves nothing; a submodule at its path is no blob") {
        const Expected<std::vector<PlanTouch>> parsed =
            parse_follow_log(follow_entry("bbbb", ":100644 000000 aaa 000 D", {"remedy.toml"}) +
                             follow_entry("aaaa", ":000000 160000 000 aaa A", {"remedy.toml"}));
        REQUIRE(parsed.ok());
        REQUIRE(parsed->size() == 2);
        CHECK((*parsed)[0].type == "commit");
        CHECK((*parsed)[1].object.empty());
        CHECK((*parsed)[1].type.empty());
    }

    TEST_CASE("a path that looks like a commit or a raw line is still the path") {
        const Expected<std::vector<PlanTouch>> parsed =
            parse_follow_log(follow_entry("aaaa", ":000000 100644 000 aaa A", {"\x01x.toml"}) +
                             follow_entry("bbbb", ":000000 100644 000 aaa A", {":1 2 3 4 M"}));
        REQUIRE(parsed.ok());
        REQUIRE(parsed->size() == 2);
        CHECK((*parsed)[0].path == ":1 2 3 4 M");
        CHECK((*parsed)[1].path == "\x01x.toml");
    }

    TEST_CASE("a follow log cut off or malformed is refused") {
        CHECK(parse_follow_log("\x01"
                               "aaaa\0\n:000000 100644 000 aaa A\0"s)
                  .error() == "git log stopped early");
        CHECK(parse_follow_log("\n:000000 100644 000 aaa A\0x\0"s).error() ==
              "unexpected output from git log: \n:000000 100644 000 aaa A");
        CHECK(parse_follow_log("path\0"s).error() == "unexpected output from git log: path");
    }

    TEST_CASE("side commits and signatures") {
        const Expected<std::vector<SideCommit>> sides =
            parse_side_commits("\x01"
                               "bbbb\0"
                               "200\0Pat\0pat@acme.example\0Backdated fix\0"s);
        REQUIRE(sides.ok());
        REQUIRE(sides->size() == 1);
        CHECK((*sides)[0].commit == "bbbb");
        CHECK((*sides)[0].committed == at(200));
        CHECK((*sides)[0].email == "pat@acme.example");
        CHECK((*sides)[0].subject == "Backdated fix");

        const auto signatures = parse_signatures("\x01"
                                                 "aaaa\0G\0alex@northwind.example\0\x01"
                                                 "bbbb\0N\0\0"s);
        REQUIRE(signatures.ok());
        REQUIRE(signatures->size() == 2);
        CHECK((*signatures)[0].second.good());
        CHECK((*signatures)[0].second.signer == "alex@northwind.example");
        CHECK_FALSE((*signatures)[1].second.good());
        CHECK(parse_signatures("\x01"
                               "aaaa\0GG\0x\0"s)
                  .error() == "unexpected signature status from git: GG");
    }

    TEST_CASE("cat-file's answers: an object, nothing, or a link that goes nowhere") {
        const Expected<ObjectAnswer> blob =
            parse_object_header("1111111111111111111111111111111111111111 blob 6");
        REQUIRE(blob.ok());
        CHECK(blob->kind == ObjectKind::found);
        CHECK(blob->type == "blob");
        CHECK(blob->object_size == 6);
        CHECK_FALSE(blob->size.has_value());

        // A missing path echoes the request, which may hold spaces.
        CHECK(parse_object_header("aaaa:my plan.toml missing")->kind == ObjectKind::missing);
        CHECK(parse_object_header("aaaa:x ambiguous")->kind == ObjectKind::missing);

        const Expected<ObjectAnswer> outside = parse_object_header("symlink 11");
        REQUIRE(outside.ok());
        CHECK(outside->kind == ObjectKind::outside);
        CHECK(outside->size == 11u);
        CHECK(parse_object_header("dangling 14")->kind == ObjectKind::dangling);
        CHECK(parse_object_header("loop 3")->kind == ObjectKind::loop);
        CHECK(parse_object_header("notdir 3")->kind == ObjectKind::notdir);
    }

    TEST_CASE("a header that is not an answer is refused") {
        CHECK(parse_object_header("garbage").error() ==
              "unexpected output from git cat-file: garbage");
        CHECK(parse_object_header("9999 blob many").error() ==
              "unexpected output from git cat-file: 9999 blob many");
        CHECK(parse_object_header("9999 blob -1").error() ==
              "unexpected output from git cat-file: 9999 blob -1");
        CHECK(parse_object_header("c0ffee blob 2x").error() ==
              "unexpected output from git cat-file: c0ffee blob 2x");
        CHECK(parse_object_header("symlink many").error() ==
              "unexpected output from git cat-file: symlink many");
    }
}
