#pragma once

#include "remedy/model/issue_status.h"
#include "remedy/model/money.h"
#include "remedy/model/priority.h"
#include "remedy/model/source.h"
#include "remedy/util/enum_names.h"

#include <array>
#include <date/date.h>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace remedy {

// The plan file of SPEC.md as read and checked: every value is known to be valid, every
// percentage already turned into money, every alias into its canonical value. Each part keeps
// `where` its keys were written.

struct Client {
    std::string name;
    std::string contact;
    std::string timezone = "UTC"; // a zone of the system's database (is_zone_name)
    // Who speaks for the client, by e-mail address ("Alex Kim <alex@northwind.example>" or a
    // bare address): a commit by one of them is the client's. Empty: authorship is not checked.
    std::vector<std::string> people;
    SourceMap where;
};

struct Provider {
    std::string name;
    std::string contact;
    std::vector<std::string> cc;
    std::vector<std::string> people; // who speaks for the provider, as Client::people
    SourceMap where;
};

struct Contract {
    std::string reference;
    std::string currency = "USD";
    int minor_digits = 2;
    std::optional<Money> monthly_fee;
    std::string settlement; // how penalties are paid, e.g. "credited against the next invoice"
    SourceMap where;
};

struct Extension {
    int days = 0;
    date::sys_days agreed;
    std::string reason;
    SourceMap where;
};

struct Timebox {
    date::sys_days start;
    int days = 60;
    std::vector<Extension> extensions; // in the file's order
    SourceMap where;
};

// [calendar]: which days are working days. Without the table every day is one.
struct Calendar {
    bool present = false;
    // weekend[w] for each weekday, w as date::weekday's c_encoding (0 = Sunday).
    std::array<bool, 7> weekend{};
    // Every day off that is not a weekend day: the holidays and the days of holidays_file,
    // sorted, each once.
    std::vector<date::sys_days> days_off;
    std::string holidays_file; // as the plan names it, relative to the plan's folder
    SourceMap where;
};

// Which days count as grace and as late days.
enum class DayCount { calendar, working };

inline constexpr EnumNames<DayCount, 2> day_counts{{{
    {DayCount::calendar, "calendar"},
    {DayCount::working, "working"},
}}};

// An amount of money and, when the plan wrote it as a share of the monthly fee, that share.
struct Amount {
    Money money;
    std::optional<Percent> percent;
};

// One optional amount per priority, indexed by the Priority's value.
using AmountByPriority = std::array<std::optional<Amount>, 4>;

// Whether the cap limits the whole plan's penalties or each calendar month's.
enum class CapPer { plan, month };

inline constexpr EnumNames<CapPer, 2> cap_pers{{{
    {CapPer::plan, "plan"},
    {CapPer::month, "month"},
}}};

struct Penalties {
    bool present = false; // no [penalties] table: no money is ever owed
    int grace_days = 0;
    DayCount days = DayCount::calendar;
    std::optional<Amount> cap;
    CapPer cap_per = CapPer::plan;
    bool terminate_at_cap = false;
    AmountByPriority per_day;
    AmountByPriority per_miss;
    SourceMap where;
    SourceMap per_day_where;
    SourceMap per_miss_where;
};

struct Ultimatum {
    bool present = false; // without the table, the defaults below with issued = timebox.start
    // (v3) given = false: the final warning is not given yet; no incident is a strike, and no
    // output states its terms or its date. `remedy warn` gives it.
    bool given = true;
    date::sys_days issued;
    std::optional<date::sys_days> until; // the last day of a strike; none: the deadline
    int strikes = 1;
    Priority severity = Priority::high;
    SourceMap where;
};

struct Issue {
    std::string id;
    std::string title;
    Priority priority = Priority::medium;
    date::sys_days due;
    IssueStatus status = IssueStatus::open;
    std::optional<date::sys_days> resolved;
    std::optional<date::sys_days> waived; // the day the waiver took effect; none: timebox.start
    std::string category;
    std::string owner;
    std::string notes;
    std::string waiver; // why the issue was waived (remedy waive --reason)
    std::string ticket; // (v3) the provider's ticket it is tracked by; unique among issues
    SourceMap where;
};

// Whether an incident stands: a disputed one still counts (and says so), a withdrawn one never.
enum class IncidentStatus { confirmed, disputed, withdrawn };

inline constexpr EnumNames<IncidentStatus, 3> incident_statuses{{{
    {IncidentStatus::confirmed, "confirmed"},
    {IncidentStatus::disputed, "disputed"},
    {IncidentStatus::withdrawn, "withdrawn"},
}}};

inline std::string_view name(IncidentStatus status) {
    return incident_statuses.name(status);
}

struct Incident {
    std::string id; // optional, unique among incidents
    date::sys_days date;
    Priority priority = Priority::high;
    std::string summary;
    IncidentStatus status = IncidentStatus::confirmed;
    std::string dispute; // why it is disputed or withdrawn
    // (v3) The day the dispute was raised (status disputed) or the withdrawal agreed (status
    // withdrawn), from which it counts; none: the incident's own date.
    std::optional<date::sys_days> disputed;
    std::optional<date::sys_days> withdrawn;
    std::string notes;
    std::string ticket; // (v3) the provider's ticket number
    SourceMap where;
};

// [[pause]]: excusable delay that stops the clocks of the issues it covers.
struct Pause {
    date::sys_days from;              // the first paused day
    date::sys_days to;                // the last paused day
    std::vector<std::string> issues;  // the ids it covers, as the plan spells them; empty: all
    std::vector<std::size_t> covered; // indexes into plan.issues of `issues`
    std::string reason;
    date::sys_days agreed; // in force from this day on; `from` when the plan says nothing
    // (v3) Set by `remedy reopen`: the day the issue was reopened. The pause is then the days it
    // stood resolved, in force from its first day: a consequence of the reopening, not a
    // change anybody agreed.
    std::optional<date::sys_days> reopened;
    SourceMap where;

    bool covers_every_issue() const { return issues.empty(); }
};

// [warnings]: how early remedy warns of a miss, and how far back it looks for the pace.
struct Warnings {
    int due_within = 7; // days before the effective due date; 0 turns due_soon off
    int pace_days = 28; // the window of the forecast
    SourceMap where;
};

// [[credit]]: penalties credited to the client, e.g. on an invoice.
struct Credit {
    date::sys_days date;
    Money amount;
    std::string invoice;
    std::string note;
    SourceMap where;
};

// [email]: where the letters' templates are, relative to the plan's folder.
struct EmailSettings {
    std::string templates;
    SourceMap where;
};

// [audit]: how the plan's git history tells who recorded what.
struct Audit {
    // An SSH allowed-signers file (git's format), relative to the plan's folder: a commit's party
    // is then its verified signer's. Empty: its author line.
    std::string signers;
    SourceMap where;
};

// (v3) Which of two orders a date such as 10/12/2026 is written in; the [import] key `dates`.
enum class DateOrder { day_first, month_first };

inline constexpr EnumNames<DateOrder, 2> date_orders{{{
    {DateOrder::day_first, "dmy"},
    {DateOrder::month_first, "mdy"},
}}};

// (v3) [import]: how the provider's ticket export (a CSV file) maps onto the plan. Per provider,
// and in the plan so that both sides see it.
struct ImportMapping {
    bool present = false;
    // The export's column of each value, by its header; empty: not mapped.
    std::string ticket;
    std::string status;
    std::string resolved;
    std::string priority;
    std::string summary;
    std::string created;
    std::optional<DateOrder> dates; // none: a date that could be either order is an error
    // The export's words as the plan writes them, and what each means (open, in_progress or
    // resolved; a priority), in the file's order.
    std::vector<std::pair<std::string, IssueStatus>> statuses;
    std::vector<std::pair<std::string, Priority>> priorities;
    SourceMap where;
};

struct Plan {
    std::string file; // as the user named it; every diagnostic repeats it
    Client client;
    Provider provider;
    Contract contract;
    Timebox timebox;
    Calendar calendar;
    Penalties penalties;
    Ultimatum ultimatum;
    std::vector<Issue> issues;
    std::vector<Incident> incidents;
    std::vector<Pause> pauses;
    std::vector<Credit> credits;
    Warnings warnings;
    EmailSettings email;
    Audit audit;
    ImportMapping import_mapping;
};

} // namespace remedy
