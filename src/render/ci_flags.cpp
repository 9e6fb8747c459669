#include "remedy/render/ci_flags.h"

#include "remedy/model/dates.h"
#include "remedy/model/wording.h"
#include "remedy/render/escape.h"
#include "remedy/render/history_report.h"

#include <fmt/format.h>

namespace remedy {

namespace {

std::string range_words(const CommitsChecked& commits) {
    return commits.range.empty() ? std::string("the last commit") : commits.range;
}

// A flagged commit in one paragraph: its day, hash, author and subject, then each flag and why.
std::string commit_summary(const HistoryPoint& point) {
    std::string out = fmt::format("{} {} {}: {}", format_iso_date(point.day),
                                  point.commit.substr(0, 7), point.author, point.subject);
    if (point.flags)
        out += fmt::format("\n- the commit itself: {}: {}", flag_names(point.flags), point.why);
    for (const RecordChange& change : point.changes)
        if (change.flags)
            out += fmt::format("\n- {}: {}: {}", change.text, flag_names(change.flags), change.why);
    return out;
}

std::string attribute(std::string_view name, std::string_view value) {
    return fmt::format(" {}=\"{}\"", name, xml_attribute(value));
}

} // namespace

std::size_t flagged_commits(const CommitsChecked& commits) {
    std::size_t flagged = 0;
    for (const HistoryPoint& point : commits.history->commits)
        flagged += is_flagged(point);
    return flagged;
}

bool commits_fail(const CommitsChecked& commits, FailOn fail_on) {
    return fail_on == FailOn::flagged && flagged_commits(commits) > 0;
}

std::string commits_text(const CommitsChecked& commits, FailOn fail_on, const Style& style) {
    const std::size_t flagged = flagged_commits(commits);
    std::string out = fmt::format(
        "Commits checked ({}): {} changed the plan, {} flagged{}\n",
        terminal_text(range_words(commits)),
        plural(static_cast<long long>(commits.history->commits.size()), "commit"), flagged,
        commits_fail(commits, fail_on)
            ? " (" + style.paint("FAILS", Tone::bad) + " --fail-on flagged)"
            : std::string());
    std::vector<HistoryPoint> shown;
    for (const HistoryPoint& point : flagged_only(*commits.history).commits)
        shown.push_back(point);
    return out + render_history_changes(shown, style);
}

std::string commits_github(const CommitsChecked& commits, const std::string& file, FailOn fail_on) {
    std::string out;
    const char* command = fail_on == FailOn::flagged ? "error" : "warning";
    for (const HistoryPoint& point : commits.history->commits) {
        if (!is_flagged(point))
            continue;
        out += fmt::format(
            "::{} file={},title={}::{}\n", command, github_property(file),
            github_property(fmt::format("remedy: commit {} is flagged", point.commit.substr(0, 7))),
            github_message(commit_summary(point)));
    }
    return out;
}

void commits_json(JsonWriter& json, const CommitsChecked& commits) {
    json.key("commits").begin_object();
    json.key("range");
    if (commits.range.empty())
        json.null();
    else
        json.value(commits.range);
    json.key("checked").value(static_cast<std::int64_t>(commits.history->commits.size()));
    json.key("flagged").value(static_cast<std::int64_t>(flagged_commits(commits)));
    json.key("list").begin_array();
    for (const HistoryPoint& point : commits.history->commits)
        json_history_commit(json, point);
    json.end_array();
    json.end_object();
}

JunitCommits commits_junit(const CommitsChecked& commits, const std::string& file, FailOn fail_on) {
    JunitCommits out;
    std::string cases;
    for (const HistoryPoint& point : commits.history->commits) {
        ++out.tests;
        cases +=
            fmt::format("    <testcase{}{}{}",
                        attribute("name", fmt::format("commit {}: {}", point.commit.substr(0, 7),
                                                      terminal_text(point.subject))),
                        attribute("classname", file + ".commit"), attribute("file", file));
        const std::string summary = terminal_text(commit_summary(point));
        if (is_flagged(point) && fail_on == FailOn::flagged) {
            ++out.failures;
            cases += fmt::format(">\n      <failure{}{}>{}</failure>\n    </testcase>\n",
                                 attribute("message", fmt::format("commit {} is flagged",
                                                                  point.commit.substr(0, 7))),
                                 attribute("type", "flagged"), xml_text(summary));
        } else {
            cases += fmt::format(">\n      <system-out>{}</system-out>\n    </testcase>\n",
                                 xml_text(summary));
        }
    }
    out.xml = fmt::format("  <testsuite{} tests=\"{}\" failures=\"{}\" errors=\"0\" "
                          "skipped=\"0\">\n",
                          attribute("name", "remedy commits"), out.tests, out.failures);
    out.xml += "    <properties>\n";
    out.xml += fmt::format("      <property{}{}/>\n", attribute("name", "range"),
                           attribute("value", range_words(commits)));
    out.xml += "    </properties>\n";
    out.xml += cases + "  </testsuite>\n";
    return out;
}

} // namespace remedy
