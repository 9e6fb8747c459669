// init and the commands that change the plan: each a small edit where the value lives, under
// the plan's lock, refused (file untouched) when a rule would break.

#include "command.h"
#include "common_options.h"
#include "edit_options.h"
#include "plan_access.h"
#include "prompt.h"
#include "remedy/edit/plan_edits.h"
#include "remedy/edit/starter_plan.h"
#include "remedy/io/atomic_write.h"
#include "remedy/io/plan_reader.h"
#include "remedy/io/text_file.h"
#include "remedy/io/today.h"
#include "remedy/model/currency.h"
#include "remedy/model/dates.h"
#include "remedy/model/money.h"
#include "remedy/render/escape.h"
#include "remedy/util/suggest.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <date/tz.h>
#include <fmt/format.h>
#include <iostream>

namespace remedy {

namespace {

Result resolve(const Invocation& invocation) {
    return edit_plan(invocation,
                     [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
                         TRY_ASSIGN(const date::sys_days on, fact_day(invocation, "on", plan));
                         return resolve_issue(plan, text, invocation.args.text("id"), on,
                                              invocation.args.text("note"));
                     });
}

Result start(const Invocation& invocation) {
    return edit_plan(
        invocation, [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
            return start_issue(plan, text, invocation.args.text("id"),
                               judgement_day(invocation, plan), invocation.args.text("note"));
        });
}

Result reopen(const Invocation& invocation) {
    const Arguments& args = invocation.args;
    return edit_plan(
        invocation, [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
            TRY_ASSIGN(const date::sys_days on, fact_day(invocation, "on", plan));
            return reopen_issue(
                plan, text, args.text("id"),
                Reopening{on, args.text("reason"), args.flag("never-fixed"), args.text("note")});
        });
}

Result waive(const Invocation& invocation) {
    return edit_plan(
        invocation, [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
            TRY_ASSIGN(const date::sys_days on, fact_day(invocation, "on", plan));
            return waive_issue(plan, text, invocation.args.text("id"),
                               invocation.args.text("reason"), on, invocation.args.text("note"));
        });
}

Result remove(const Invocation& invocation) {
    return edit_plan(invocation,
                     [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
                         return remove_issue(plan, text, invocation.args.text("id"));
                     });
}

Result set(const Invocation& invocation) {
    const Arguments& args = invocation.args;
    IssueFields fields;
    const auto text_of = [&](std::string_view key) {
        return args.given(key) ? std::optional(args.text(key)) : std::nullopt;
    };
    fields.title = text_of("title");
    fields.owner = text_of("owner");
    fields.category = text_of("category");
    fields.notes = text_of("notes");
    fields.ticket = text_of("ticket");
    fields.due = args.day("due");
    if (args.given("priority")) {
        TRY_ASSIGN(const Priority priority, priority_option(invocation));
        fields.priority = priority;
    }
    if (!fields.title && !fields.owner && !fields.category && !fields.notes && !fields.due &&
        !fields.priority && !fields.ticket)
        return usage_error("remedy set needs something to set: --title, --priority, --due, "
                           "--owner, --category, --notes or --ticket");
    return edit_plan(invocation,
                     [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
                         return set_issue(plan, text, args.text("id"), fields);
                     });
}

Result add(const Invocation& invocation) {
    TRY_ASSIGN(const Priority priority, priority_option(invocation));
    NewIssue issue;
    issue.id = invocation.args.text("id");
    issue.title = invocation.args.text("title");
    issue.priority = priority;
    issue.due = *invocation.args.day("due");
    issue.category = invocation.args.text("category");
    issue.owner = invocation.args.text("owner");
    issue.notes = invocation.args.text("notes");
    issue.ticket = invocation.args.text("ticket");
    return edit_plan(invocation,
                     [&](const Plan& plan, std::string_view text) -> Expected<PlanChange> {
                         return add_issue(plan, text, issue);
                     });
}

std::string_view trimmed(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// The time box's days as typed at the terminal: 1..60.
std::optional<int> box_days(std::string_view text) {
    int days = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
    if (error != std::errc() || end != text.data() + text.size() || days < 1 || days > 60)
        return std::nullopt;
    return days;
}

// `remedy config KEY`: the value as the file writes it; `KEY VALUE...` or `--unset KEY`: a
// change like any other.
Result config(const Invocation& invocation) {
    const Arguments& args = invocation.args;
    const std::string key = args.text("key");
    const std::vector<std::string> names = setting_names();
    if (std::find(names.begin(), names.end(), key) == names.end()) {
        const std::vector<std::string_view> candidates(names.begin(), names.end());
        const auto nearest = nearest_word(key, candidates);
        return usage_error(
            fmt::format("'{}' is not a setting of the plan{}; `remedy config "
                        "--help` and `man remedy` list them",
                        key, nearest ? fmt::format(" (did you mean {}?)", *nearest) : ""));
    }
    const std::vector<std::string> values = args.texts("value");
    if (args.flag("unset") && !values.empty())
        return usage_error("give a value or --unset, not both");
    if (args.flag("unset") || !values.empty())
        return edit_plan(invocation, [&](const Plan& plan, std::string_view text) {
            return args.flag("unset") ? unset_setting(plan, text, key)
                                      : set_setting(plan, text, key, values);
        });
    TRY_ASSIGN(const std::string file, plan_path(invocation));
    const Expected<std::string> text = read_text_file(file);
    if (!text)
        return refusal(fmt::format("cannot read {}: {}", file, text.error()));
    const LoadResult read = read_plan(*text, file);
    if (!read.plan)
        return refusal(fmt::format("{} is not a valid plan", file), read.diagnostics);
    TRY_ASSIGN(const std::string value, setting_text(*read.plan, *text, key));
    return Outcome{value.empty() ? fmt::format("{} is not set (the default applies)\n", key)
                                 : fmt::format("{} = {}\n", key, value),
                   ExitStatus::ok, read.diagnostics};
}

// The options of init that are values of the plan, in the order a terminal asks for them.
constexpr std::array init_values = {"client", "client-contact", "provider", "provider-contact",
                                    "cc",     "reference",      "currency", "fee",
                                    "start",  "days",           "timezone", "warning"};

// Asks at the terminal for each value of the plan, the current one as the default; a start or
// a number of days that is not one is asked again. False when the person gave up (Ctrl-D).
bool ask_for(StarterValues& values) {
    const auto text = [](std::string& value, std::string_view question) {
        const std::optional<std::string> answer = ask(question, value);
        if (answer)
            value = *answer;
        return answer.has_value();
    };
    std::string cc;
    for (const std::string& address : values.cc)
        cc += (cc.empty() ? "" : "; ") + address;
    if (!text(values.client, "Client (your company)") ||
        !text(values.client_contact, "Your contact, the From of the letters (Name <address>)") ||
        !text(values.provider, "Provider") ||
        !text(values.provider_contact, "The provider's contact, the To (Name <address>)") ||
        !text(cc, "Copies to (addresses separated by ';', or none)") ||
        !text(values.reference, "Contract reference") ||
        !text(values.currency, "Currency (ISO 4217)"))
        return false;
    // The fee's default is nothing, in the minor digits of the currency just given.
    if (values.monthly_fee.empty())
        values.monthly_fee =
            format_money(Money{}, currency_minor_digits(values.currency).value_or(2));
    if (!text(values.monthly_fee, "Monthly fee"))
        return false;
    values.cc.clear();
    for (std::string_view rest = cc; !rest.empty();) {
        const std::size_t semicolon = rest.find(';');
        const std::string_view address = trimmed(rest.substr(0, semicolon));
        if (!address.empty())
            values.cc.emplace_back(address);
        rest = semicolon == std::string_view::npos ? "" : rest.substr(semicolon + 1);
    }
    for (;;) {
        const std::optional<std::string> answer =
            ask("Start, the day the notice went out (YYYY-MM-DD)", format_iso_date(values.start));
        if (!answer)
            return false;
        if (const Expected<date::sys_days> day = parse_iso_date(*answer)) {
            values.start = *day;
            break;
        }
        std::cerr << "  not a date: give it as YYYY-MM-DD\n";
    }
    for (;;) {
        const std::optional<std::string> answer =
            ask("Days in the time box (1..60)", std::to_string(values.days));
        if (!answer)
            return false;
        if (const std::optional<int> days = box_days(*answer)) {
            values.days = *days;
            break;
        }
        std::cerr << "  a whole number from 1 to 60\n";
    }
    return text(values.timezone, "Time zone (IANA, e.g. America/Chicago)");
}

Result init(const Invocation& invocation) {
    const Arguments& args = invocation.args;
    StarterValues values;
    // The machine's own zone is the best guess of the client's; the plan says so and can change.
    try {
        values.timezone = date::current_zone()->name();
    } catch (const std::exception&) {
    }
    const auto take = [&](std::string_view key, std::string& value) {
        if (args.given(key))
            value = args.text(key);
    };
    take("client", values.client);
    take("client-contact", values.client_contact);
    take("provider", values.provider);
    take("provider-contact", values.provider_contact);
    take("reference", values.reference);
    take("currency", values.currency);
    take("fee", values.monthly_fee);
    take("timezone", values.timezone);
    values.cc = args.texts("cc");
    values.start = args.day("start").value_or(day_in_zone(values.timezone, invocation.env.now));
    if (args.given("days"))
        values.days = static_cast<int>(*args.number("days"));
    values.example_issue = args.flag("example");
    values.warning = args.day("warning");
    const bool none_given = std::none_of(init_values.begin(), init_values.end(),
                                         [&](const char* key) { return args.given(key); });
    if (none_given && invocation.env.stdin_is_terminal && !ask_for(values))
        return refusal("no plan written: the questions were not answered");

    const std::string file = args.given("file") ? args.text("file") : "remedy.toml";
    const std::string text = starter_plan(values);
    const LoadResult check = read_plan(text, file);
    if (!check.plan) {
        return refusal(fmt::format("the values given do not make a valid plan, so {} was not "
                                   "written: {}",
                                   file, errors_without_places(check)));
    }
    if (const Expected<void, CreateError> created = create_file(file, text); !created)
        return refusal(
            created.error().already_exists
                ? fmt::format("{} already exists; remedy init never overwrites a plan", file)
                : created.error().message);
    return Outcome{fmt::format("{}: a new plan for {} with {}, time box {} to {}\n",
                               terminal_text(file), terminal_text(values.client),
                               terminal_text(values.provider), format_iso_date(values.start),
                               format_iso_date(values.start + date::days{values.days}))};
}

OptionSpec text_option(std::string_view names, std::string_view help) {
    return {.names = names, .help = help, .type_name = "TEXT"};
}

} // namespace

std::vector<Command> edit_commands() {
    const OptionSpec on_day = on_option();
    return {
        {"init",
         "Write a starter remedy.toml here, from the options or, at a terminal without any, "
         "from questions",
         "remedy init --client \"Northwind Traders\" --provider \"Acme Managed IT\" --start "
         "2026-10-01",
         {plan_option(),
          {.names = "--client", .help = "The client's name", .type_name = "NAME"},
          {.names = "--client-contact",
           .help = "The client's contact, the From of the letters",
           .type_name = "ADDRESS"},
          {.names = "--provider", .help = "The provider's name", .type_name = "NAME"},
          {.names = "--provider-contact",
           .help = "The provider's contact, the To of the letters",
           .type_name = "ADDRESS"},
          {.names = "--cc",
           .help = "An address the letters are copied to (repeatable)",
           .type_name = "ADDRESS",
           .kind = ValueKind::texts},
          text_option("--reference", "The contract's reference"),
          {.names = "--currency", .help = "ISO 4217 (default: USD)", .type_name = "CODE"},
          {.names = "--fee", .help = "The monthly fee, e.g. 18450.00", .type_name = "AMOUNT"},
          {.names = "--start",
           .help = "The day the notice went out (default: today)",
           .type_name = "YYYY-MM-DD",
           .kind = ValueKind::day},
          {.names = "--days",
           .help = "The time box in days, 1..60 (default: 60)",
           .type_name = "N",
           .kind = ValueKind::number},
          {.names = "--timezone",
           .help = "The client's IANA time zone (default: this machine's)",
           .type_name = "ZONE"},
          {.names = "--warning",
           .help = "The day of the final warning, when the notice itself is it (default: "
                   "none yet; remedy warn records it)",
           .type_name = "YYYY-MM-DD",
           .kind = ValueKind::day},
          {.names = "--example",
           .help = "Include an example issue to copy",
           .kind = ValueKind::flag}},
         init},
        {"add", "Add an issue to the plan",
         "remedy add --title \"Printers drop off the network\" --priority high --due 2026-10-20 "
         "--category printers",
         edit_options({priority_spec(),
                       {.names = "--id",
                        .help = "The new id (default: the next free one of the category)",
                        .type_name = "ID"},
                       {.names = "--title",
                        .help = "What is wrong",
                        .type_name = "TEXT",
                        .need = OptionSpec::Need::required},
                       {.names = "--due",
                        .help = "The resolution date",
                        .type_name = "YYYY-MM-DD",
                        .kind = ValueKind::day,
                        .need = OptionSpec::Need::required},
                       text_option("--category", "A free-text category"),
                       text_option("--owner", "Who at the provider owns it"),
                       text_option("--notes", "Notes: a ticket, a contact"),
                       text_option("--ticket", "The provider's ticket it is tracked by (remedy "
                                               "import matches it)")}),
         add},
        {"set", "Change an issue's title, priority, due date, owner, category, notes or ticket",
         "remedy set NET-1 --due 2026-10-22 --owner \"Acme NOC\"",
         edit_options({id_argument(),
                       {.names = "--title", .help = "What is wrong", .type_name = "TEXT"},
                       {.names = "--priority",
                        .help = "low, medium, high or critical (or P4..P1)",
                        .type_name = "PRIORITY"},
                       {.names = "--due",
                        .help = "The resolution date",
                        .type_name = "YYYY-MM-DD",
                        .kind = ValueKind::day},
                       text_option("--owner", "Who at the provider owns it (\"\" removes it)"),
                       text_option("--category", "A free-text category (\"\" removes it)"),
                       text_option("--notes", "The notes, replaced whole (\"\" removes them)"),
                       text_option("--ticket", "The provider's ticket (\"\" removes it)")}),
         set},
        {"start", "Record that the provider is working on an issue (in progress)",
         "remedy start NET-1 --note \"Firmware 7.2 being tested, ticket CW-48812\"",
         edit_options({id_argument(), note_option()}), start},
        {"resolve", "Record that an issue is resolved (--on a day, default today)",
         "remedy resolve NET-1 --on 2026-10-19 --note \"Firmware 7.2, ticket CW-48812\"",
         edit_options({id_argument(), on_day, note_option(), force_option()}), resolve},
        {"reopen",
         "Set a resolved or waived issue back to open; the days it stood resolved are paused",
         "remedy reopen NET-1 --on 2026-10-25 --reason \"The VPN dropped again\"",
         edit_options({id_argument(),
                       on_day,
                       reason_option(),
                       {.names = "--never-fixed",
                        .help = "Remove the resolution as if it had never been recorded",
                        .kind = ValueKind::flag},
                       note_option(),
                       force_option()}),
         reopen},
        {"waive", "Waive an issue: from its day on it owes no more and no longer counts",
         "remedy waive PRC-1 --reason \"Replaced by the new purchasing process\"",
         edit_options({id_argument(),
                       reason_option(),
                       {.names = "--on",
                        .help = "The day the waiver takes effect (default: today in "
                                "client.timezone); the issue keeps what it owed until then",
                        .type_name = "YYYY-MM-DD",
                        .kind = ValueKind::day},
                       note_option(),
                       force_option()}),
         waive},
        {"config",
         "Show or change a setting of the plan: contacts, contract, time box, calendar, "
         "penalties, ultimatum, warnings",
         "remedy config penalties.per_day.high 150.00\n  remedy config provider.cc \"Desk "
         "<desk@acme-it.example>\" \"Legal <legal@acme-it.example>\"\n  remedy config "
         "penalties.cap",
         edit_options({{.names = "key",
                        .help = "The setting, by its dotted name: client.contact, "
                                "contract.monthly_fee, penalties.cap, penalties.per_day.high, "
                                "ultimatum.issued... (man remedy lists them)",
                        .type_name = "KEY",
                        .choices = setting_names(),
                        .need = OptionSpec::Need::required,
                        .completes = Completes::choices},
                       {.names = "value",
                        .help = "Its new value; a list (provider.cc, calendar.weekend, "
                                "calendar.holidays) takes several. None: show the value",
                        .type_name = "VALUE",
                        .kind = ValueKind::texts},
                       {.names = "--unset",
                        .help = "Remove the key: the default applies",
                        .kind = ValueKind::flag}}),
         config},
        {"remove", "Remove an issue entered by mistake (its whole table)", "remedy remove EX-1",
         edit_options({id_argument()}), remove},
    };
}

} // namespace remedy
