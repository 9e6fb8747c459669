#pragma once

#include "remedy/check_policy.h"
#include "remedy/judgement.h"
#include "remedy/render/style.h"

#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// What a reporting command was asked for, after the command line was parsed and checked.
struct ReportRequest {
    std::string format = "text";
    FailOn fail_on = FailOn::at_risk;
    Style style;
};

// What a command prints on standard output and the exit status it ends with.
struct CommandOutput {
    std::string text;
    int exit_status = 0;
};

// One subcommand: the table the command line, its help and (later) shell completion come from.
struct Command {
    std::string_view name;
    std::string_view summary;
    std::string_view example;
    std::vector<std::string_view> formats;
    bool takes_fail_on = false;
    CommandOutput (*report)(const Plan& plan, const Judgement& judgement,
                            const ReportRequest& request);
};

const std::vector<Command>& commands();

} // namespace remedy
