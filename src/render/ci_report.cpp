#include "remedy/render/ci_report.h"

#include "remedy/model/dates.h"
#include "remedy/model/money.h"
#include "remedy/model/wording.h"
#include "remedy/render/ci_flags.h"
#include "remedy/render/escape.h"
#include "remedy/render/judgement_words.h"

#include <fmt/format.h>

namespace remedy {

namespace {

// One workflow command line: `::name key=value,...::message`.
std::string workflow_command(std::string_view command,
                             const std::vector<std::pair<std::string, std::string>>& properties,
                             std::string_view message) {
    std::string out = fmt::format("::{}", command);
    for (std::size_t i = 0; i < properties.size(); ++i)
        out += fmt::format("{}{}={}", i == 0 ? " " : ",", properties[i].first,
                           github_property(properties[i].second));
    return out + fmt::format("::{}\n", github_message(message));
}

std::vector<std::pair<std::string, std::string>> place(const std::string& file, SourcePos pos) {
    std::vector<std::pair<std::string, std::string>> properties = {{"file", file}};
    if (pos.known()) {
        properties.emplace_back("line", std::to_string(pos.line));
        properties.emplace_back("col", std::to_string(pos.column));
    }
    return properties;
}

// Where a reason has its place in the plan: the issue's due date, the incident's date, the cap.
SourcePos place_of(const Plan& plan, const Reason& reason) {
    if (reason.issue && *reason.issue < plan.issues.size())
        return plan.issues[*reason.issue].where.value_of("due");
    if (reason.incident && *reason.incident < plan.incidents.size())
        return plan.incidents[*reason.incident].where.value_of("date");
    if (reason.kind == ReasonKind::cap_reached)
        return plan.penalties.where.value_of("cap");
    return {};
}

// "at-risk on 2026-10-18, at or past --fail-on at-risk"; "on-track on 2026-10-18 with 2
// warnings, at or past --fail-on warning"; "... with 3 warnings, 1 of them in the plan file".
std::string verdict_line(const Judgement& j, const Diagnostics& reading, FailOn fail_on) {
    const bool fails = check_fails(j, reading, fail_on);
    const std::size_t in_file = file_warnings(reading);
    const std::size_t all = j.warnings.size() + in_file;
    std::string warned;
    if (all > 0)
        warned = " with " + plural(all, "warning");
    if (in_file > 0)
        warned += in_file == all ? " in the plan file"
                                 : fmt::format(", {} of them in the plan file", in_file);
    return fmt::format("{} on {}{}, {} --fail-on {}", name(j.verdict), format_iso_date(j.as_of),
                       warned, fails ? "at or past" : "passes", name(fail_on));
}

// Where a warning has its place: the issue's due date, or none (the forecast).
SourcePos place_of(const Plan& plan, const Warning& warning) {
    if (warning.issue && *warning.issue < plan.issues.size())
        return plan.issues[*warning.issue].where.value_of("due");
    return {};
}

std::string attribute(std::string_view name, std::string_view value) {
    return fmt::format(" {}=\"{}\"", name, xml_attribute(value));
}

// A test case's class: the plan's file, then what the case is about ("clients/acme/remedy.toml
// .verdict"), so that Jenkins and GitLab tell the plans apart (Jenkins reads the file as the
// package and the kind as the class).
std::string classname(const std::string& file, std::string_view kind) {
    return fmt::format("{}.{}", file, kind);
}

std::string junit_counts(std::size_t tests, std::size_t failures, std::size_t errors) {
    return fmt::format(" tests=\"{}\" failures=\"{}\" errors=\"{}\"", tests, failures, errors);
}

} // namespace

bool check_passes(const CheckedPlan& checked, FailOn fail_on) {
    return checked.judgement && !check_fails(*checked.judgement, *checked.diagnostics, fail_on) &&
           !(checked.commits && commits_fail(*checked.commits, fail_on));
}

std::string diagnostic_counts(const Diagnostics& diagnostics) {
    std::size_t errors = 0;
    for (const Diagnostic& d : diagnostics)
        errors += d.severity == Severity::error;
    const std::size_t warnings = diagnostics.size() - errors;
    std::string text = plural(static_cast<long long>(errors), "error");
    if (warnings > 0)
        text += ", " + plural(static_cast<long long>(warnings), "warning");
    return text;
}

std::string render_check_github(const std::string& file, const Plan* plan,
                                const Judgement* judgement, const Diagnostics& diagnostics,
                                FailOn fail_on) {
    std::string out;
    for (const Diagnostic& d : diagnostics)
        out += workflow_command(d.severity == Severity::error ? "error" : "warning",
                                place(d.file, d.pos), d.message);
    if (!plan || !judgement)
        return out;
    const Judgement& j = *judgement;
    const bool fails = check_fails(j, diagnostics, fail_on);
    std::string message = verdict_line(j, diagnostics, fail_on);
    for (const Reason& reason : j.reasons)
        message += "\n- " + reason_text(*plan, j, reason);
    std::vector<std::pair<std::string, std::string>> properties = {
        {"file", file}, {"title", fmt::format("remedy check ({})", name(j.verdict))}};
    // Each warning where it is written, whether the check passes or not: an issue due soon at
    // its due date, the forecast on the file.
    for (const Warning& warning : j.warnings)
        out += workflow_command("warning", place(file, place_of(*plan, warning)),
                                warning_text(*plan, j, warning));
    if (fails)
        return out + workflow_command("error", properties, message);
    // The check passes, but what is at risk still deserves a mark where it is written.
    if (severity(j.verdict) > 0)
        for (const Reason& reason : j.reasons)
            out += workflow_command("warning", place(file, place_of(*plan, reason)),
                                    reason_text(*plan, j, reason));
    return out + workflow_command("notice", properties, message);
}

namespace {

// One plan's <testsuite> and its counts, which the <testsuites> around it adds up.
struct JunitSuite {
    std::size_t tests = 1;
    std::size_t failures = 0;
    std::size_t errors = 0;
    std::size_t skipped = 0;
    std::string xml;
};

JunitSuite junit_suite(const CheckedPlan& checked, std::string_view suite_name, FailOn fail_on) {
    const std::string& file = checked.file;
    const Plan* plan = checked.plan;
    const Judgement* judgement = checked.judgement;
    const Diagnostics& diagnostics = *checked.diagnostics;
    JunitSuite suite;
    std::size_t& tests = suite.tests;
    std::size_t& failures = suite.failures;
    std::size_t& errors = suite.errors;
    std::size_t& skipped = suite.skipped;
    std::string cases;

    // The plan's validity.
    std::string diagnostic_lines;
    for (const Diagnostic& d : diagnostics)
        diagnostic_lines += terminal_text(to_string(d)) + '\n'; // controls XML cannot hold, shown
    cases += fmt::format("    <testcase{}{}{}", attribute("name", file),
                         attribute("classname", classname(file, "plan")), attribute("file", file));
    if (!plan) {
        ++errors;
        cases += fmt::format(">\n      <error{}{}>{}</error>\n    </testcase>\n",
                             attribute("message", fmt::format("{} is not a valid plan ({})", file,
                                                              diagnostic_counts(diagnostics))),
                             attribute("type", "invalid-plan"), xml_text(diagnostic_lines));
    } else if (const std::size_t warned = file_warnings(diagnostics);
               warned > 0 && fail_on == FailOn::warning) {
        // An unknown key fails --fail-on warning: here, where it is written.
        ++failures;
        cases += fmt::format(">\n      <failure{}{}>{}</failure>\n    </testcase>\n",
                             attribute("message", plural(warned, "warning") + " in the plan file"),
                             attribute("type", "warning"), xml_text(diagnostic_lines));
    } else if (!diagnostic_lines.empty()) {
        cases += fmt::format(">\n      <system-err>{}</system-err>\n    </testcase>\n",
                             xml_text(diagnostic_lines));
    } else {
        cases += "/>\n";
    }

    if (plan && judgement) {
        const Judgement& j = *judgement;
        // The verdict against --fail-on: what the exit status says, whatever its cause (an
        // overdue issue, a strike, the cap).
        ++tests;
        std::string reason_lines;
        for (const Reason& reason : j.reasons)
            reason_lines += "- " + reason_text(*plan, j, reason) + '\n';
        cases += fmt::format("    <testcase{}{}{}", attribute("name", "verdict"),
                             attribute("classname", classname(file, "verdict")),
                             attribute("file", file));
        if (check_fails(j, diagnostics, fail_on)) {
            ++failures;
            cases += fmt::format(">\n      <failure{}{}>{}</failure>\n    </testcase>\n",
                                 attribute("message", verdict_line(j, diagnostics, fail_on)),
                                 attribute("type", "verdict"), xml_text(reason_lines));
        } else {
            cases += fmt::format(">\n      <system-out>{}\n{}</system-out>\n    </testcase>\n",
                                 xml_text(verdict_line(j, diagnostics, fail_on)),
                                 xml_text(reason_lines));
        }

        // The warnings, shown; failed only when --fail-on warning.
        if (!j.warnings.empty()) {
            ++tests;
            std::string warning_lines;
            for (const Warning& warning : j.warnings)
                warning_lines += "- " + warning_text(*plan, j, warning) + '\n';
            cases += fmt::format("    <testcase{}{}{}", attribute("name", "warnings"),
                                 attribute("classname", classname(file, "warnings")),
                                 attribute("file", file));
            if (fail_on == FailOn::warning) {
                ++failures;
                cases += fmt::format(">\n      <failure{}{}>{}</failure>\n    </testcase>\n",
                                     attribute("message", plural(j.warnings.size(), "warning")),
                                     attribute("type", "warning"), xml_text(warning_lines));
            } else {
                cases += fmt::format(">\n      <system-out>{}</system-out>\n    </testcase>\n",
                                     xml_text(warning_lines));
            }
        }

        // One case per issue, in the plan's order.
        for (std::size_t i = 0; i < plan->issues.size() && i < j.issues.size(); ++i) {
            const Issue& issue = plan->issues[i];
            const IssueJudgement& judged = j.issues[i];
            ++tests;
            const SourcePos pos = issue.where.table.begin;
            cases += fmt::format(
                "    <testcase{}{}{}", attribute("name", issue.id + ": " + issue.title),
                attribute("classname", classname(file, "issue")), attribute("file", file));
            if (pos.known())
                cases += attribute("line", std::to_string(pos.line));
            if (judged.overdue) {
                ++failures;
                std::string message;
                for (const Reason& reason : j.reasons)
                    if (reason.issue == i)
                        message += (message.empty() ? "" : "; ") + reason_text(*plan, j, reason);
                if (message.empty())
                    message = fmt::format("{} is {} overdue", issue_label(issue),
                                          plural(judged.days_overdue, "day"));
                const std::string details =
                    fmt::format("due {}, {}, {} overdue on {}, penalty {}\n",
                                due_date_text(issue, judged.dates), name(judged.state),
                                plural(judged.days_overdue, "day"), format_iso_date(j.as_of),
                                money_text(*plan, judged.penalty.subtotal));
                cases += fmt::format(">\n      <failure{}{}>{}</failure>\n    </testcase>\n",
                                     attribute("message", message), attribute("type", "overdue"),
                                     xml_text(details));
            } else if (judged.state == IssueStatus::waived) {
                ++skipped;
                cases += fmt::format(">\n      <skipped{}/>\n    </testcase>\n",
                                     attribute("message", "waived"));
            } else {
                cases += "/>\n";
            }
        }
    }

    std::string& out = suite.xml;
    out += fmt::format("  <testsuite{}{} skipped=\"{}\">\n", attribute("name", suite_name),
                       junit_counts(tests, failures, errors), skipped);
    out += "    <properties>\n";
    out +=
        fmt::format("      <property{}{}/>\n", attribute("name", "file"), attribute("value", file));
    out += fmt::format("      <property{}{}/>\n", attribute("name", "fail_on"),
                       attribute("value", name(fail_on)));
    if (judgement) {
        out += fmt::format("      <property{}{}/>\n", attribute("name", "as_of"),
                           attribute("value", format_iso_date(judgement->as_of)));
        out += fmt::format("      <property{}{}/>\n", attribute("name", "verdict"),
                           attribute("value", name(judgement->verdict)));
    }
    out += "    </properties>\n";
    out += cases;
    out += "  </testsuite>\n";
    return suite;
}

} // namespace

std::string render_check_junit(const std::vector<CheckedPlan>& plans, FailOn fail_on) {
    JunitSuite all;
    all.tests = 0;
    std::string suites;
    for (const CheckedPlan& checked : plans) {
        // One plan keeps the one suite's name CI set-ups already know; several are told apart
        // by their files.
        const JunitSuite suite =
            junit_suite(checked, plans.size() == 1 ? "remedy check" : checked.file, fail_on);
        all.tests += suite.tests;
        all.failures += suite.failures;
        all.errors += suite.errors;
        suites += suite.xml;
        if (checked.commits) {
            const JunitCommits commits = commits_junit(*checked.commits, checked.file, fail_on);
            all.tests += commits.tests;
            all.failures += commits.failures;
            suites += commits.xml;
        }
    }
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += fmt::format("<testsuites{}{}>\n", attribute("name", "remedy check"),
                       junit_counts(all.tests, all.failures, all.errors));
    out += suites;
    out += "</testsuites>\n";
    return out;
}

std::string render_check_junit(const std::string& file, const Plan* plan,
                               const Judgement* judgement, const Diagnostics& diagnostics,
                               FailOn fail_on) {
    return render_check_junit({{file, plan, judgement, &diagnostics}}, fail_on);
}

std::string render_check_github(const std::vector<CheckedPlan>& plans, FailOn fail_on) {
    std::string out;
    for (const CheckedPlan& checked : plans) {
        out += render_check_github(checked.file, checked.plan, checked.judgement,
                                   *checked.diagnostics, fail_on);
        if (checked.commits)
            out += commits_github(*checked.commits, checked.file, fail_on);
    }
    return out;
}

} // namespace remedy
