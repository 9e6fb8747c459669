#include "remedy/edit/starter_plan.h"

#include "remedy/edit/text_edit.h"
#include "remedy/model/dates.h"
#include "remedy/model/placeholders.h"

#include <fmt/format.h>

namespace remedy {

std::string starter_plan(const std::string& client, const std::string& provider,
                         date::sys_days start, const std::string& timezone) {
    return fmt::format(
        R"(# The remediation plan with {provider_name}, kept by remedy (see `man remedy`).
# Check it with `remedy check`; see where it stands with `remedy status`.

[client]
name = {client}
contact = {client_contact}   # the From of the letters (remedy email)
timezone = {timezone}                       # "today" is judged here

[provider]
name = {provider}
contact = {provider_contact}   # the To of the letters
cc = []                                                   # more addresses to copy

[contract]
reference = ""          # the contract's reference, named in every letter
currency = "USD"        # ISO 4217
monthly_fee = "0.00"    # needed only when a penalty is a "%" of it

[timebox]
start = {start}   # the day the notice of dissatisfaction went out
days = 60            # at most 60; only an agreed [[timebox.extension]] goes further

[penalties]
grace_days = 0               # days after a due date before penalties run
# cap = "20%"                # at most this much is owed (an amount or a % of monthly_fee)
terminate_at_cap = false     # whether reaching the cap entitles you to terminate

[penalties.per_day]          # owed for each late day, by priority, until the deadline
critical = "0.00"
high = "0.00"

[penalties.per_miss]         # owed once when an issue goes late, by priority
critical = "0.00"
high = "0.00"

[ultimatum]
issued = {start}   # the warning; incidents after it count as strikes
strikes = 1           # this many incidents after the warning entitle you to terminate
severity = "high"

# One [[issue]] per problem, each with a priority and the date it must be resolved by.
# `remedy add`, `remedy resolve ID`, `remedy waive ID --reason ...` change them.
[[issue]]
id = "EX-1"
title = "Replace this example with the first issue"
priority = "medium"   # low, medium, high or critical (or P4..P1)
due = {due}
status = "open"       # open, in_progress, resolved (with resolved = DATE) or waived

# New failures during the plan: `remedy incident --priority high --summary "..."`.
)",
        fmt::arg("provider_name", provider), fmt::arg("client", toml_string(client)),
        fmt::arg("client_contact", toml_string(placeholder_client_contact)),
        fmt::arg("provider_contact", toml_string(placeholder_provider_contact)),
        fmt::arg("provider", toml_string(provider)), fmt::arg("timezone", toml_string(timezone)),
        fmt::arg("start", format_iso_date(start)),
        fmt::arg("due", format_iso_date(start + date::days{14})));
}

} // namespace remedy
