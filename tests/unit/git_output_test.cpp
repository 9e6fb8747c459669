#include "remedy/history/git_output.h"

#include <chrono>
#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <vector>

using namespace remedy;
using namespace std::string_literals;

namespace {

// What git log writes for one commit: \x01, the hash, a space and the committer time, NUL; the
// author, the address and the subject, each ending in NUL; then each path on its own token, the
// first after a newline, each ending in NUL. A merge has none.
std::string log_entry(std::string_view hash, std::string_view seconds,
                      std::vector<std::string> paths = {}, std::string_view author = "Ann",
                      std::string_view subject = "Update the plan") {
    std::string entry = "\x01"s + std::string(hash) + " " + std::string(seconds) + '\0' +
                        std::string(author) + '\0' + "ann@example.com" + '\0' +
                        std::string(subject) + '\0';
    for (std::size_t i = 0; i < paths.size(); ++i)
        entry += (i == 0 ? "\n" : "") + paths[i] + '\0';
    return entry;
}

std::chrono::sys_seconds at(long long seconds) {
    return std::chrono::sys_seconds{std::chrono::seconds{seconds}};
}

// Versions as parse_log makes them, before their text is read.
std::vector<PlanVersion> versions(std::vector<std::string> commits) {
    std::vector<PlanVersion> out;
    for (std::string& commit : commits) {
        PlanVersion version;
        version.commit = std::move(commit);
        version.path = "remedy.toml";
        out.push_back(std::move(version));
    }
    return out;
}

// Why parsing `log` failed; empty when it did not.
std::string log_error(std::string_view log) {
    const Expected<std::vector<PlanVersion>> parsed = parse_log(log);
    return parsed ? std::string() : parsed.error();
}

// Why parsing `out` for `count` versions failed; empty when it did not.
std::string batch_error(std::string_view out, std::size_t count) {
    std::vector<PlanVersion> wanted = versions(std::vector<std::string>(count, "c0ffee"));
    const Expected<void> parsed = parse_batch(out, wanted);
    return parsed ? std::string() : parsed.error();
}

} // namespace

TEST_SUITE("git_output") {
    TEST_CASE("git log's commits come out oldest first, with their time and path") {
        const Expected<std::vector<PlanVersion>> parsed =
            parse_log(log_entry("bbbb", "1790000100", {"plans/remedy.toml"}) +
                      log_entry("aaaa", "1790000000", {"plans/remedy.toml"}));
        REQUIRE(parsed.ok());
        REQUIRE(parsed->size() == 2);
        CHECK((*parsed)[0].commit == "aaaa");
        CHECK((*parsed)[0].committed == at(1790000000));
        CHECK((*parsed)[0].path == "plans/remedy.toml");
        CHECK_FALSE((*parsed)[0].text.has_value());
        CHECK((*parsed)[1].commit == "bbbb");
        CHECK((*parsed)[1].committed == at(1790000100));
        CHECK((*parsed)[1].path == "plans/remedy.toml");
    }

    TEST_CASE("a renamed plan has, at each commit, the path it had then") {
        const Expected<std::vector<PlanVersion>> parsed = parse_log(
            log_entry("cccc", "300", {"remedy.toml"}) + log_entry("bbbb", "200", {"remedy.toml"}) +
            log_entry("aaaa", "100", {"old name ë.toml"}));
        REQUIRE(parsed.ok());
        REQUIRE(parsed->size() == 3);
        CHECK((*parsed)[0].path == "old name ë.toml"); // bytes as git wrote them (-z: no quoting)
        CHECK((*parsed)[1].path == "remedy.toml");
        CHECK((*parsed)[2].path == "remedy.toml");
    }

    TEST_CASE("a merge lists no path: it takes the path of the next newer commit") {
        const Expected<std::vector<PlanVersion>> parsed = parse_log(
            log_entry("dddd", "400", {"new.toml"}) + log_entry("mmmm", "300") +
            log_entry("bbbb", "200", {"old.toml"}) + log_entry("aaaa", "100", {"old.toml"}));
        REQUIRE(parsed.ok());
        REQUIRE(parsed->size() == 4);
        CHECK((*parsed)[1].commit == "bbbb");
        CHECK((*parsed)[1].path == "old.toml");
        CHECK((*parsed)[2].commit == "mmmm");
        CHECK((*parsed)[2].committed == at(300));
        CHECK((*parsed)[2].path == "new.toml");
        CHECK((*parsed)[3].path == "new.toml");
    }

    TEST_CASE("only the first path of a commit is kept; empty tokens are skipped") {
        const Expected<std::vector<PlanVersion>> parsed =
            parse_log(log_entry("aaaa", "100", {"remedy.toml", "other.toml"}) + '\0' + '\0');
        REQUIRE(parsed.ok());
        REQUIRE(parsed->size() == 1);
        CHECK((*parsed)[0].path == "remedy.toml");
    }

    TEST_CASE("the last token of git log needs no NUL after it") {
        const Expected<std::vector<PlanVersion>> parsed =
            parse_log("\x01"
                      "aaaa 100\0Ann\0ann@example.com\0Subject\0\nremedy.toml"s);
        REQUIRE(parsed.ok());
        REQUIRE(parsed->size() == 1);
        CHECK((*parsed)[0].path == "remedy.toml");
    }

    TEST_CASE("each commit has its author, address and subject, whatever bytes they hold") {
        // A subject or a name is whatever the pusher wrote: one that looks like a commit header
        // or a path is still the subject, and an empty one is empty.
        const Expected<std::vector<PlanVersion>> parsed =
            parse_log(log_entry("bbbb", "200", {"remedy.toml"}, "", "") +
                      log_entry("aaaa", "100", {"remedy.toml"}, "Bob \"B\" O'Neil",
                                "\x01"
                                "cccc 300 \n<b>fix</b>"));
        REQUIRE(parsed.ok());
        REQUIRE(parsed->size() == 2);
        CHECK((*parsed)[0].author == "Bob \"B\" O'Neil");
        CHECK((*parsed)[0].email == "ann@example.com");
        CHECK((*parsed)[0].subject == "\x01"
                                      "cccc 300 \n<b>fix</b>");
        CHECK((*parsed)[1].author.empty());
        CHECK((*parsed)[1].subject.empty());
        CHECK((*parsed)[1].path == "remedy.toml");
    }

    TEST_CASE("a log cut off inside a commit's fields is refused") {
        CHECK(log_error("\x01"
                        "aaaa 100\0Ann\0"s) == "git log stopped early");
    }

    TEST_CASE("an empty log is no version") {
        const Expected<std::vector<PlanVersion>> parsed = parse_log("");
        REQUIRE(parsed.ok());
        CHECK(parsed->empty());
    }

    TEST_CASE("a commit line that is not a hash, a space and a number is refused") {
        SUBCASE("no space") {
            CHECK(log_error("\x01"
                            "aaaa\0"s) == "unexpected output from git log: aaaa");
        }
        SUBCASE("no time") {
            CHECK(log_error("\x01"
                            "aaaa \0"s) == "unexpected output from git log: aaaa ");
        }
        SUBCASE("a time that is not a number") {
            CHECK(
                log_error(log_entry("bbbb", "200", {"remedy.toml"}) + log_entry("aaaa", "soon")) ==
                "unexpected output from git log: aaaa soon");
        }
    }

    // std::from_chars stops at the first byte that is not a digit and reports success, so a
    // number followed by anything is taken for its digits. git never writes that, so nothing
    // goes wrong today; git_output.cpp keeps plan_history.cpp's behaviour unchanged.
    TEST_CASE("a time or a size followed by more than digits is refused") {
        CHECK(log_error(log_entry("aaaa", "100x")) == "unexpected output from git log: aaaa 100x");
        CHECK(batch_error("c0ffee blob 2x\nhi\n", 1) ==
              "unexpected output from git cat-file: c0ffee blob 2x");
    }

    TEST_CASE("git cat-file's blobs become the versions' texts, in order") {
        std::vector<PlanVersion> wanted = versions({"aaaa", "bbbb", "cccc"});
        const std::string out = "1111111111111111111111111111111111111111 blob 6\nx = 1\n\n"s +
                                "2222222222222222222222222222222222222222 blob 0\n\n" +
                                "3333333333333333333333333333333333333333 blob 6\na\0b\nc\n\n"s;
        REQUIRE(parse_batch(out, wanted).ok());
        CHECK(wanted[0].text == "x = 1\n");
        CHECK(wanted[1].text == ""); // an empty file is a text
        CHECK(wanted[2].text == "a\0b\nc\n"s);
    }

    TEST_CASE("a missing or ambiguous object leaves the version without text") {
        std::vector<PlanVersion> wanted = versions({"aaaa", "bbbb", "cccc"});
        const std::string out = "aaaa:remedy.toml missing\n"
                                "4444444444444444444444444444444444444444 blob 2\nhi\n"
                                "cccc:remedy.toml ambiguous\n";
        REQUIRE(parse_batch(out, wanted).ok());
        CHECK_FALSE(wanted[0].text.has_value());
        CHECK(wanted[1].text == "hi");
        CHECK_FALSE(wanted[2].text.has_value());
    }

    TEST_CASE("an object that is not a blob is skipped whole and gives no text") {
        std::vector<PlanVersion> wanted = versions({"aaaa", "bbbb"});
        // A tree's content is binary and may hold newlines: its size says where it ends.
        const std::string tree = "100644 remedy.toml\0\x12\n\x34"s;
        const std::string out = "5555555555555555555555555555555555555555 tree " +
                                std::to_string(tree.size()) + "\n" + tree + "\n" +
                                "6666666666666666666666666666666666666666 blob 3\nend\n";
        REQUIRE(parse_batch(out, wanted).ok());
        CHECK_FALSE(wanted[0].text.has_value());
        CHECK(wanted[1].text == "end");
    }

    TEST_CASE("output that stops early is refused") {
        SUBCASE("fewer answers than requests") {
            CHECK(batch_error("7777777777777777777777777777777777777777 blob 2\nhi\n", 2) ==
                  "git cat-file stopped early");
        }
        SUBCASE("no output at all") {
            CHECK(batch_error("", 1) == "git cat-file stopped early");
        }
        SUBCASE("a blob shorter than its size") {
            CHECK(batch_error("8888888888888888888888888888888888888888 blob 10\nhello\n", 1) ==
                  "unexpected output from git cat-file: "
                  "8888888888888888888888888888888888888888 blob 10");
        }
        SUBCASE("a blob without the newline after it") {
            CHECK(batch_error("8888888888888888888888888888888888888888 blob 5\nhello", 1) ==
                  "unexpected output from git cat-file: "
                  "8888888888888888888888888888888888888888 blob 5");
        }
    }

    TEST_CASE("a header that is not an object, a type and a size is refused") {
        SUBCASE("one word") {
            CHECK(batch_error("garbage\n", 1) == "unexpected output from git cat-file: garbage");
        }
        SUBCASE("a size that is not a number") {
            CHECK(batch_error("9999 blob many\n", 1) ==
                  "unexpected output from git cat-file: 9999 blob many");
        }
        SUBCASE("a negative size") {
            CHECK(batch_error("9999 blob -1\n\n", 1) ==
                  "unexpected output from git cat-file: 9999 blob -1");
        }
    }
}
