#pragma once

#include "remedy/model/issue_status.h"
#include "remedy/model/money.h"
#include "remedy/model/priority.h"
#include "remedy/model/source.h"

#include <array>
#include <date/date.h>
#include <optional>
#include <string>
#include <vector>

namespace remedy {

// The plan file of SPEC.md as read and checked: every value is known to be valid, every
// percentage already turned into money, every alias into its canonical value. Each part keeps
// `where` its keys were written.

struct Client {
    std::string name;
    std::string contact;
    std::string timezone = "UTC"; // a zone of the system's database (is_zone_name)
    SourceMap where;
};

struct Provider {
    std::string name;
    std::string contact;
    std::vector<std::string> cc;
    SourceMap where;
};

struct Contract {
    std::string reference;
    std::string currency = "USD";
    int minor_digits = 2;
    std::optional<Money> monthly_fee;
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
    std::vector<Extension> extensions;
    SourceMap where;
};

// An amount of money and, when the plan wrote it as a share of the monthly fee, that share.
struct Amount {
    Money money;
    std::optional<Percent> percent;
};

// One optional amount per priority, indexed by the Priority's value.
using AmountByPriority = std::array<std::optional<Amount>, 4>;

struct Penalties {
    bool present = false; // no [penalties] table: no money is ever owed
    int grace_days = 0;
    std::optional<Amount> cap;
    bool terminate_at_cap = false;
    AmountByPriority per_day;
    AmountByPriority per_miss;
    SourceMap where;
    SourceMap per_day_where;
    SourceMap per_miss_where;
};

struct Ultimatum {
    bool present = false; // without the table, the defaults below with issued = timebox.start
    date::sys_days issued;
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
    std::string category;
    std::string owner;
    std::string notes;
    std::string waiver; // why the issue was waived (remedy waive --reason)
    SourceMap where;
};

struct Incident {
    date::sys_days date;
    Priority priority = Priority::high;
    std::string summary;
    SourceMap where;
};

// [email]: where the letters' templates are, relative to the plan's folder.
struct EmailSettings {
    std::string templates;
    SourceMap where;
};

struct Plan {
    std::string file; // as the user named it; every diagnostic repeats it
    Client client;
    Provider provider;
    Contract contract;
    Timebox timebox;
    Penalties penalties;
    Ultimatum ultimatum;
    std::vector<Issue> issues;
    std::vector<Incident> incidents;
    EmailSettings email;
};

} // namespace remedy
