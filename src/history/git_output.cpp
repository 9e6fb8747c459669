#include "remedy/history/git_output.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <date/date.h>
#include <fmt/format.h>

namespace remedy {

namespace {

// `text` whole as a number: "100x" is not 100.
template <class Number> bool whole_number(std::string_view text, Number& number) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    return ec == std::errc{} && end == text.data() + text.size() && !text.empty();
}

// The records of `git log -z` with a format of `fields` NUL-separated fields, the first starting
// with \x01: each record's fields. A field may hold any byte but NUL (a subject starting with
// \x01 is still a subject: fields are counted, not recognised).
Expected<std::vector<std::vector<std::string_view>>> records(std::string_view log,
                                                             std::size_t fields) {
    std::vector<std::vector<std::string_view>> out;
    std::size_t to_come = 0;
    while (!log.empty()) {
        const auto end = log.find('\0');
        std::string_view token = log.substr(0, end);
        log = end == std::string_view::npos ? std::string_view{} : log.substr(end + 1);
        if (to_come > 0) {
            out.back().push_back(token);
            --to_come;
            continue;
        }
        while (!token.empty() && token.front() == '\n')
            token.remove_prefix(1);
        if (token.empty())
            continue;
        if (token.front() != '\x01')
            return fail(fmt::format("unexpected output from git log: {}", token));
        token.remove_prefix(1);
        out.push_back({token});
        to_come = fields - 1;
    }
    if (to_come > 0)
        return fail("git log stopped early");
    return out;
}

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    while (!text.empty()) {
        const auto space = text.find(' ');
        if (space != 0)
            out.emplace_back(text.substr(0, space));
        if (space == std::string_view::npos)
            break;
        text.remove_prefix(space + 1);
    }
    return out;
}

} // namespace

Expected<std::chrono::sys_seconds> commit_time(std::string_view digits) {
    using namespace std::chrono;
    // Within these, every day in every zone (offsets are under a day) is a day of 1900..9999.
    static const sys_seconds earliest = date::sys_days{date::year{1900} / 1 / 2};
    static const sys_seconds latest = date::sys_days{date::year{9999} / 12 / 30} + hours{12};
    // git prints no time at all for one it cannot read (a negative one): the earliest, so that
    // the commit is judged on its parent's day.
    if (digits.empty())
        return earliest;
    const bool negative = digits.front() == '-';
    const std::string_view magnitude = negative ? digits.substr(1) : digits;
    if (magnitude.empty() || magnitude.find_first_not_of("0123456789") != std::string_view::npos)
        return fail(fmt::format("unexpected commit time from git: {}", digits));
    long long seconds = 0;
    if (!whole_number(digits, seconds)) // more digits than a long long holds
        return negative ? earliest : latest;
    const sys_seconds at{std::chrono::seconds{seconds}};
    return std::clamp(at, earliest, latest);
}

Expected<std::vector<CommitInfo>> parse_commit_log(std::string_view log) {
    TRY_ASSIGN(const auto found, records(log, 8));
    std::vector<CommitInfo> commits;
    commits.reserve(found.size());
    for (auto record = found.rbegin(); record != found.rend(); ++record) {
        const std::vector<std::string_view>& f = *record;
        TRY_ASSIGN(const std::chrono::sys_seconds committed, commit_time(f[2]));
        commits.push_back({std::string(f[0]), words(f[1]), committed, std::string(f[3]),
                           std::string(f[4]), std::string(f[5]), std::string(f[6]),
                           std::string(f[7])});
    }
    return commits;
}

Expected<std::vector<PlanTouch>> parse_follow_log(std::string_view log) {
    std::vector<PlanTouch> touches; // newest first
    // After a raw line (":old-mode new-mode old-id new-id STATUS"), its paths: one, or two for a
    // rename or copy; the touch takes the new mode and id.
    std::size_t paths_to_come = 0;
    std::vector<std::string> raw;
    while (!log.empty()) {
        const auto end = log.find('\0');
        std::string_view token = log.substr(0, end);
        log = end == std::string_view::npos ? std::string_view{} : log.substr(end + 1);
        if (paths_to_come > 0) {
            if (--paths_to_come == 0) {
                PlanTouch& touch = touches.back();
                touch.path = std::string(token);
                touch.link = raw[1] == "120000";
                const bool gone = raw[1] == "000000";
                touch.object = gone ? std::string() : raw[3];
                touch.type = gone ? std::string() : raw[1] == "160000" ? "commit" : "blob";
            }
            continue;
        }
        if (token.starts_with("\n:") || token.starts_with(":")) {
            raw = words(token.substr(token.find(':') + 1));
            if (touches.empty() || raw.size() != 5 || raw[4].empty())
                return fail(fmt::format("unexpected output from git log: {}", token));
            paths_to_come = raw[4].front() == 'R' || raw[4].front() == 'C' ? 2 : 1;
            continue;
        }
        while (!token.empty() && token.front() == '\n')
            token.remove_prefix(1);
        if (token.empty())
            continue;
        if (token.front() != '\x01')
            return fail(fmt::format("unexpected output from git log: {}", token));
        touches.push_back({std::string(token.substr(1)), {}, false, {}, {}});
    }
    if (paths_to_come > 0)
        return fail("git log stopped early");
    std::vector<PlanTouch> oldest_first(touches.rbegin(), touches.rend());
    for (std::size_t i = 1; i < oldest_first.size(); ++i)
        if (oldest_first[i].path.empty()) {
            const std::string commit = oldest_first[i].commit;
            oldest_first[i] = oldest_first[i - 1];
            oldest_first[i].commit = commit;
        }
    return oldest_first;
}

Expected<std::vector<SideCommit>> parse_side_commits(std::string_view log) {
    TRY_ASSIGN(const auto found, records(log, 5));
    std::vector<SideCommit> commits;
    for (const std::vector<std::string_view>& f : found) {
        TRY_ASSIGN(const std::chrono::sys_seconds committed, commit_time(f[1]));
        commits.push_back({std::string(f[0]),
                           committed,
                           {},
                           std::string(f[2]),
                           std::string(f[3]),
                           std::string(f[4])});
    }
    return commits;
}

Expected<std::vector<std::pair<std::string, Signature>>> parse_signatures(std::string_view log) {
    TRY_ASSIGN(const auto found, records(log, 3));
    std::vector<std::pair<std::string, Signature>> out;
    for (const std::vector<std::string_view>& f : found) {
        if (f[1].size() != 1)
            return fail(fmt::format("unexpected signature status from git: {}", f[1]));
        out.push_back({std::string(f[0]), Signature{f[1].front(), std::string(f[2])}});
    }
    return out;
}

Expected<ObjectAnswer> parse_object_header(std::string_view header) {
    ObjectAnswer answer;
    if (header.ends_with(" missing") || header.ends_with(" ambiguous"))
        return answer;
    const std::vector<std::string> parts = words(header);
    static constexpr std::array<std::pair<std::string_view, ObjectKind>, 4> links = {{
        {"symlink", ObjectKind::outside},
        {"dangling", ObjectKind::dangling},
        {"loop", ObjectKind::loop},
        {"notdir", ObjectKind::notdir},
    }};
    std::size_t size = 0;
    if (parts.size() == 2 && whole_number(parts[1], size))
        for (const auto& [word, kind] : links)
            if (parts[0] == word) {
                answer.kind = kind;
                answer.size = size;
                return answer;
            }
    if (parts.size() != 3 || !whole_number(parts[2], size) || parts[0].empty() ||
        parts[0].find_first_not_of("0123456789abcdef") != std::string::npos)
        return fail(fmt::format("unexpected output from git cat-file: {}", header));
    answer.kind = ObjectKind::found;
    answer.id = parts[0];
    answer.type = parts[1];
    answer.object_size = size;
    return answer;
}

} // namespace remedy
