#pragma once

#include "remedy/check_policy.h"
#include "remedy/diagnostic.h"
#include "remedy/judgement.h"
#include "remedy/mail_address.h"
#include "remedy/render/letter_template.h"
#include "remedy/render/style.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// What a reporting command was asked for, after the command line was parsed and checked.
struct ReportRequest {
    std::string format = "text";
    FailOn fail_on = FailOn::at_risk;
    Style style;
    Diagnostics diagnostics; // what reading the plan found, for check's machine formats
    // email and calendar
    LetterKind letter = LetterKind::weekly;
    std::vector<MailAddress> to;
    std::vector<MailAddress> cc;
    bool force = false;
    std::string templates;              // folder of letter templates, resolved to a path
    std::chrono::sys_seconds timestamp; // Date and DTSTAMP
    std::uint64_t uniqueness = 0;       // Message-ID and MIME boundary
};

// What a command prints on standard output and the exit status it ends with.
struct CommandOutput {
    CommandOutput(std::string text_, int exit_status_ = 0, std::string error_ = {})
        : text(std::move(text_)), exit_status(exit_status_), error(std::move(error_)) {}

    std::string text;
    int exit_status = 0;
    std::string error; // printed on standard error when not empty
};

// The options a command takes beyond -f, --as-of and --color.
enum class CommandOptions { report, check, email, calendar, history, edit, init, completion };

// One subcommand: the table the command line, its help and (later) shell completion come from.
struct Command {
    std::string_view name;
    std::string_view summary;
    std::string_view example;
    std::vector<std::string_view> formats; // empty: no --format
    CommandOptions options = CommandOptions::report;
    // Null for history (it judges every version of the plan) and for the edits.
    CommandOutput (*report)(const Plan& plan, const Judgement& judgement,
                            const ReportRequest& request);
};

const std::vector<Command>& commands();

// `check` in a machine format (json, github, junit) for CI: of a valid plan, or of an invalid
// one (`plan` and `judgement` null), with request.diagnostics.
std::string render_check_report(const std::string& file, const Plan* plan,
                                const Judgement* judgement, const ReportRequest& request);

} // namespace remedy
