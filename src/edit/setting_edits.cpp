// `remedy config`: the plan's settings (every key outside [[issue]] and the dated facts), each
// by its dotted name as the format writes it.

#include "key_edits.h"
#include "remedy/edit/plan_edits.h"
#include "remedy/model/currency.h"
#include "remedy/model/dates.h"
#include "remedy/model/money.h"
#include "remedy/model/priority.h"

#include <array>
#include <charconv>
#include <fmt/format.h>

namespace remedy {

namespace {

// What a setting's value is, and so how it is written.
enum class SettingKind {
    text,   // a TOML string
    amount, // money or a share of the fee ("150.00", "20%"), written as a string
    whole,  // an integer
    flag,   // true or false
    day,    // a TOML local date
    texts,  // an array of strings
    days,   // an array of dates
};

struct Setting {
    std::string_view name; // "penalties.per_day.high"
    SettingKind kind;
};

constexpr std::array settings = {
    Setting{"client.name", SettingKind::text},
    Setting{"client.contact", SettingKind::text},
    Setting{"client.timezone", SettingKind::text},
    Setting{"client.people", SettingKind::texts},
    Setting{"provider.name", SettingKind::text},
    Setting{"provider.contact", SettingKind::text},
    Setting{"provider.cc", SettingKind::texts},
    Setting{"provider.people", SettingKind::texts},
    Setting{"contract.reference", SettingKind::text},
    Setting{"contract.currency", SettingKind::text},
    Setting{"contract.monthly_fee", SettingKind::amount},
    Setting{"contract.settlement", SettingKind::text},
    Setting{"timebox.start", SettingKind::day},
    Setting{"timebox.days", SettingKind::whole},
    Setting{"calendar.weekend", SettingKind::texts},
    Setting{"calendar.holidays", SettingKind::days},
    Setting{"calendar.holidays_file", SettingKind::text},
    Setting{"penalties.grace_days", SettingKind::whole},
    Setting{"penalties.days", SettingKind::text},
    Setting{"penalties.cap", SettingKind::amount},
    Setting{"penalties.cap_per", SettingKind::text},
    Setting{"penalties.terminate_at_cap", SettingKind::flag},
    Setting{"penalties.per_day.low", SettingKind::amount},
    Setting{"penalties.per_day.medium", SettingKind::amount},
    Setting{"penalties.per_day.high", SettingKind::amount},
    Setting{"penalties.per_day.critical", SettingKind::amount},
    Setting{"penalties.per_miss.low", SettingKind::amount},
    Setting{"penalties.per_miss.medium", SettingKind::amount},
    Setting{"penalties.per_miss.high", SettingKind::amount},
    Setting{"penalties.per_miss.critical", SettingKind::amount},
    Setting{"ultimatum.given", SettingKind::flag},
    Setting{"ultimatum.issued", SettingKind::day},
    Setting{"ultimatum.until", SettingKind::day},
    Setting{"ultimatum.strikes", SettingKind::whole},
    Setting{"ultimatum.severity", SettingKind::text},
    Setting{"warnings.due_within", SettingKind::whole},
    Setting{"warnings.pace_days", SettingKind::whole},
    Setting{"email.templates", SettingKind::text},
    Setting{"audit.signers", SettingKind::text},
    // (v3) The columns of the provider's ticket export; its words are tables of their own.
    Setting{"import.ticket", SettingKind::text},
    Setting{"import.status", SettingKind::text},
    Setting{"import.resolved", SettingKind::text},
    Setting{"import.priority", SettingKind::text},
    Setting{"import.summary", SettingKind::text},
    Setting{"import.created", SettingKind::text},
    Setting{"import.dates", SettingKind::text},
};

// Where a setting lives in the text: its table (as read) and the key in it. A rate's key is
// the one the file already uses for that priority, alias or not ("P2" for high), so that a
// change replaces it instead of adding a second key for the same priority.
struct Place {
    std::string table; // "penalties.per_day"
    const SourceMap* where;
    std::string key; // "high", or the file's "P2"
};

const SourceMap& table_of(const Plan& plan, std::string_view table) {
    if (table == "client")
        return plan.client.where;
    if (table == "provider")
        return plan.provider.where;
    if (table == "contract")
        return plan.contract.where;
    if (table == "timebox")
        return plan.timebox.where;
    if (table == "calendar")
        return plan.calendar.where;
    if (table == "penalties.per_day")
        return plan.penalties.per_day_where;
    if (table == "penalties.per_miss")
        return plan.penalties.per_miss_where;
    if (table == "penalties")
        return plan.penalties.where;
    if (table == "ultimatum")
        return plan.ultimatum.where;
    if (table == "warnings")
        return plan.warnings.where;
    if (table == "audit")
        return plan.audit.where;
    if (table == "import")
        return plan.import_mapping.where;
    return plan.email.where;
}

Expected<std::pair<Setting, Place>> find_setting(const Plan& plan, std::string_view name) {
    for (const Setting& setting : settings)
        if (setting.name == name) {
            const std::size_t dot = name.rfind('.');
            Place place{std::string(name.substr(0, dot)), nullptr,
                        std::string(name.substr(dot + 1))};
            place.where = &table_of(plan, place.table);
            if (place.table.starts_with("penalties.per_")) {
                const Priority wanted = *parse_priority(place.key);
                for (const auto& [key, entry] : place.where->keys)
                    if (parse_priority(key) == wanted)
                        place.key = std::string(key);
            }
            return std::pair{setting, place};
        }
    return fail(
        fmt::format("'{}' is not a setting of the plan; `remedy config --help` lists them", name));
}

// One value as the format writes it, or why it is not one.
Expected<std::string> literal(SettingKind kind, const std::string& value, std::string_view name) {
    switch (kind) {
    case SettingKind::text:
    case SettingKind::amount:
    case SettingKind::texts:
        return toml_string(value);
    case SettingKind::day:
    case SettingKind::days: {
        TRY_ASSIGN(const date::sys_days day, parse_iso_date(value));
        return format_iso_date(day);
    }
    case SettingKind::whole: {
        long long number = 0;
        const auto [end, error] =
            std::from_chars(value.data(), value.data() + value.size(), number);
        if (error != std::errc() || end != value.data() + value.size())
            return fail(fmt::format("{} is a whole number, not '{}'", name, value));
        return std::to_string(number);
    }
    case SettingKind::flag:
        if (value != "true" && value != "false")
            return fail(fmt::format("{} is true or false, not '{}'", name, value));
        return value;
    }
    return value;
}

// The edits that write each amount of the plan (the fee, the cap, the rates, the credits) with
// `digits` minor digits, the same number: "18450.00" becomes "18450" for JPY, "0" stays "0".
// An amount the new currency cannot hold ("12.50" in yen) is refused by name. Shares of the fee
// and amounts written as TOML integers are the same in every currency, and stay as they are.
Expected<std::vector<TextEdit>> amounts_in_digits(const Plan& plan, std::string_view text,
                                                  int digits, std::string_view currency) {
    const int old_digits = plan.contract.minor_digits;
    std::vector<TextEdit> edits;
    const auto rewrite = [&](const SourceMap& where, std::string_view key, std::string_view name,
                             Money money) -> Expected<void> {
        if (!where.keys.count(key) || quoting_of(text, where, key) != "\"")
            return {};
        std::int64_t minor = money.minor;
        for (int d = old_digits; d < digits; ++d) {
            const std::optional<Money> scaled = checked_multiply(Money{minor}, 10);
            if (!scaled)
                return fail(fmt::format("{} = {} is too large to write in {}", name,
                                        format_money(money, old_digits), currency));
            minor = scaled->minor;
        }
        for (int d = digits; d < old_digits; ++d) {
            if (minor % 10 != 0)
                return fail(fmt::format("{} = {} cannot be written in {}, which allows {} "
                                        "decimals; change it first",
                                        name, format_money(money, old_digits), currency, digits));
            minor /= 10;
        }
        edits.push_back(set_key(text, where, key, toml_string(format_money(Money{minor}, digits))));
        return {};
    };
    if (plan.contract.monthly_fee)
        TRY(rewrite(plan.contract.where, "monthly_fee", "contract.monthly_fee",
                    *plan.contract.monthly_fee));
    if (plan.penalties.cap && !plan.penalties.cap->percent)
        TRY(rewrite(plan.penalties.where, "cap", "penalties.cap", plan.penalties.cap->money));
    for (const auto& [table, amounts, where] :
         {std::tuple{"per_day", &plan.penalties.per_day, &plan.penalties.per_day_where},
          std::tuple{"per_miss", &plan.penalties.per_miss, &plan.penalties.per_miss_where}})
        for (const auto& [key, entry] : where->keys) {
            const std::optional<Priority> priority = parse_priority(key);
            if (!priority)
                continue;
            const std::optional<Amount>& amount = (*amounts)[static_cast<std::size_t>(*priority)];
            if (amount && !amount->percent)
                TRY(rewrite(*where, key, fmt::format("penalties.{}.{}", table, key),
                            amount->money));
        }
    for (const Credit& credit : plan.credits)
        TRY(rewrite(credit.where, "amount",
                    fmt::format("the credit of line {}", credit.where.table.begin.line),
                    credit.amount));
    return edits;
}

} // namespace

std::vector<std::string> setting_names() {
    std::vector<std::string> names;
    for (const Setting& setting : settings)
        names.emplace_back(setting.name);
    return names;
}

Expected<PlanChange> set_setting(const Plan& plan, std::string_view text, std::string_view name,
                                 const std::vector<std::string>& values) {
    TRY_ASSIGN(const auto found, find_setting(plan, name));
    const auto& [setting, place] = found;
    const bool list = setting.kind == SettingKind::texts || setting.kind == SettingKind::days;
    if (!list && values.size() != 1)
        return fail(fmt::format("{} takes one value, not {}", name, values.size()));
    std::string written;
    for (const std::string& value : values) {
        TRY_ASSIGN(const std::string one, literal(setting.kind, value, name));
        written += (written.empty() ? "" : ", ") + one;
    }
    if (list)
        written = "[" + written + "]";
    else if (setting.kind == SettingKind::text || setting.kind == SettingKind::amount)
        written = string_like(quoting_of(text, *place.where, place.key), values.front());
    const std::string summary = fmt::format("{} = {}", name, written);
    // A key goes under its own table's header, whatever else the table holds; without one, a
    // header of its own is appended.
    if (!has_own_header(text, *place.where, place.table))
        return PlanChange{apply_edits(text, {append_table(text, {"[" + place.table + "]",
                                                                 place.key + " = " + written})}),
                          summary};
    std::vector<TextEdit> edits{set_key(text, *place.where, place.key, written)};
    if (setting.name == "contract.currency")
        if (const std::optional<int> digits = currency_minor_digits(values.front())) {
            TRY_ASSIGN(std::vector<TextEdit> amounts,
                       amounts_in_digits(plan, text, *digits, values.front()));
            edits.insert(edits.end(), amounts.begin(), amounts.end());
        }
    return PlanChange{apply_edits(text, edits), summary};
}

Expected<PlanChange> unset_setting(const Plan& plan, std::string_view text, std::string_view name) {
    TRY_ASSIGN(const auto found, find_setting(plan, name));
    const Place& place = found.second;
    const std::optional<TextEdit> removal = remove_key(text, *place.where, place.key);
    if (!removal)
        return fail(fmt::format("{} is not set", name));
    return PlanChange{apply_edits(text, {*removal}), fmt::format("{} removed", name)};
}

Expected<std::string> setting_text(const Plan& plan, std::string_view text, std::string_view name) {
    TRY_ASSIGN(const auto found, find_setting(plan, name));
    const Place& place = found.second;
    if (!place.where->keys.count(place.key))
        return std::string();
    const auto [begin, end] = value_bytes(text, *place.where, place.key);
    return std::string(text.substr(begin, end - begin));
}

} // namespace remedy
