#include "remedy/edit/starter_plan.h"

#include "remedy/edit/text_edit.h"
#include "remedy/model/currency.h"
#include "remedy/model/dates.h"
#include "remedy/model/money.h"
#include "remedy/model/placeholders.h"

#include <fmt/format.h>

namespace remedy {

namespace {

std::string string_array(const std::vector<std::string>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + toml_string(values[i]);
    return out + "]";
}

std::string example_issue(date::sys_days due) {
    return fmt::format(R"([[issue]]
id = "EX-1"
title = "Replace this example with the first issue"
priority = "medium"   # low, medium, high or critical (or P4..P1)
due = {}
status = "open"       # open, in_progress, resolved (with resolved = DATE) or waived

)",
                       format_iso_date(due));
}

} // namespace

std::string starter_plan(const StarterValues& v) {
    const auto contact = [](const std::string& given, std::string_view placeholder) {
        return toml_string(given.empty() ? placeholder : given);
    };
    // Nothing, in the currency's own minor digits ("0.00", "0" for yen); an unknown code is
    // refused by the plan's rules when the text is read back.
    const std::string zero =
        toml_string(format_money(Money{}, currency_minor_digits(v.currency).value_or(2)));
    return fmt::format(
        R"(# The remediation plan with {provider}, kept by remedy (see `man remedy`).
# Check it with `remedy check`; see where it stands with `remedy status`.

[client]
name = {client}
contact = {client_contact}   # the From of the letters (remedy email)
timezone = {timezone}                       # "today" is judged here

[provider]
name = {provider}
contact = {provider_contact}   # the To of the letters
cc = {cc}   # more addresses to copy

[contract]
reference = {reference}   # the contract's reference, named in every letter
currency = {currency}   # ISO 4217
monthly_fee = {fee}   # needed only when a penalty is a "%" of it

[timebox]
start = {start}   # the day the notice of dissatisfaction went out
days = {days}   # at most 60; only an agreed [[timebox.extension]] goes further

[penalties]
grace_days = 0               # days after a due date before penalties run
# cap = "20%"                # at most this much is owed (an amount or a % of monthly_fee)
terminate_at_cap = false     # whether reaching the cap entitles you to terminate

[penalties.per_day]          # owed for each late day, by priority, until the deadline
critical = {zero}
high = {zero}

[penalties.per_miss]         # owed once when an issue goes late, by priority
critical = {zero}
high = {zero}

[ultimatum]
{warning}
strikes = 1           # this many incidents after the warning entitle you to terminate
severity = "high"     # the lowest priority that counts

# One [[issue]] per problem, each with a priority and the date it must be resolved by:
# `remedy add --title ... --priority high --due YYYY-MM-DD`, then `remedy start ID`,
# `remedy resolve ID`, `remedy set ID --due ...`, `remedy waive ID --reason ...`.
{example}# New failures during the plan: `remedy incident --priority high --summary "..."`.
)",
        fmt::arg("client", toml_string(v.client)),
        fmt::arg("client_contact", contact(v.client_contact, placeholder_client_contact)),
        fmt::arg("provider_contact", contact(v.provider_contact, placeholder_provider_contact)),
        fmt::arg("provider", toml_string(v.provider)), fmt::arg("cc", string_array(v.cc)),
        fmt::arg("reference", toml_string(v.reference)),
        fmt::arg("currency", toml_string(v.currency)),
        fmt::arg("fee", v.monthly_fee.empty() ? zero : toml_string(v.monthly_fee)),
        fmt::arg("zero", zero), fmt::arg("days", v.days),
        fmt::arg("timezone", toml_string(v.timezone)), fmt::arg("start", format_iso_date(v.start)),
        fmt::arg("warning",
                 v.warning ? fmt::format("issued = {}   # the final warning; incidents after it "
                                         "count as strikes",
                                         format_iso_date(*v.warning))
                           : std::string("given = false   # no final warning yet: `remedy warn` "
                                         "records it on its day")),
        fmt::arg("example", v.example_issue ? example_issue(v.start + date::days{14}) : ""));
}

} // namespace remedy
