#include "remedy/history/git_output.h"

#include <charconv>
#include <fmt/format.h>

namespace remedy {

namespace {

// `text` whole as a number: "100x" is not 100.
template <class Number> bool whole_number(std::string_view text, Number& number) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    return ec == std::errc{} && end == text.data() + text.size() && !text.empty();
}

} // namespace

// The output of `git log -z --format=%x01%H %ct%x00%an%x00%ae%x00%s --name-only`:
// NUL-separated tokens, where a token starting with \x01 is a commit, the three after it its
// author, address and subject (any of them may be empty), and the others the paths it changed.
Expected<std::vector<PlanVersion>> parse_log(std::string_view log) {
    std::vector<PlanVersion> versions; // newest first
    int fields_to_come = 0;
    while (!log.empty()) {
        const auto end = log.find('\0');
        std::string_view token = log.substr(0, end);
        log = end == std::string_view::npos ? std::string_view{} : log.substr(end + 1);
        if (fields_to_come > 0) {
            PlanVersion& version = versions.back();
            std::string& field = fields_to_come == 3   ? version.author
                                 : fields_to_come == 2 ? version.email
                                                       : version.subject;
            field = std::string(token);
            --fields_to_come;
            continue;
        }
        while (!token.empty() && token.front() == '\n')
            token.remove_prefix(1);
        if (token.empty())
            continue;
        if (token.front() != '\x01') {
            if (!versions.empty() && versions.back().path.empty())
                versions.back().path = std::string(token);
            continue;
        }
        token.remove_prefix(1);
        const auto space = token.find(' ');
        long long seconds = 0;
        const std::string_view stamp = token.substr(space + 1);
        if (space == std::string_view::npos || !whole_number(stamp, seconds))
            return fail(fmt::format("unexpected output from git log: {}", token));
        PlanVersion version;
        version.commit = std::string(token.substr(0, space));
        version.committed = std::chrono::sys_seconds{std::chrono::seconds{seconds}};
        versions.push_back(std::move(version));
        fields_to_come = 3;
    }
    if (fields_to_come > 0)
        return fail("git log stopped early");
    // A merge shows no paths: it holds the plan where the commit after it (in time) found it.
    for (std::size_t i = 1; i < versions.size(); ++i)
        if (versions[i].path.empty())
            versions[i].path = versions[i - 1].path;
    return std::vector<PlanVersion>(versions.rbegin(), versions.rend());
}

// Reads `git cat-file --batch` output for the requests, in order.
Expected<void> parse_batch(std::string_view out, std::vector<PlanVersion>& versions) {
    for (PlanVersion& version : versions) {
        const auto eol = out.find('\n');
        if (eol == std::string_view::npos)
            return fail("git cat-file stopped early");
        const std::string_view header = out.substr(0, eol);
        out.remove_prefix(eol + 1);
        if (header.ends_with(" missing") || header.ends_with(" ambiguous"))
            continue;
        const auto size_at = header.rfind(' ');
        std::size_t size = 0;
        const std::string_view digits = header.substr(size_at + 1);
        if (size_at == std::string_view::npos || !whole_number(digits, size) ||
            out.size() < size + 1)
            return fail(fmt::format("unexpected output from git cat-file: {}", header));
        if (header.find(" blob ") != std::string_view::npos)
            version.text = std::string(out.substr(0, size));
        out.remove_prefix(size + 1);
    }
    return {};
}

} // namespace remedy
