// What changed in the contract's terms and the plan's settings between two versions, and in
// the files the plan names.

#include "change_list.h"
#include "remedy/model/dates.h"
#include "remedy/model/strikes.h"
#include "remedy/model/wording.h"

#include <array>
#include <fmt/format.h>

namespace remedy {

namespace {

std::string amount_text(const std::optional<Amount>& amount, int minor_digits) {
    if (!amount)
        return {};
    const std::string money = format_money(amount->money, minor_digits);
    return amount->percent ? fmt::format("{} ({})", format_percent(*amount->percent), money)
                           : money;
}

// The same amount for a person: "2% (250.00 USD)", "1,250.00 USD".
std::string amount_words(const std::optional<Amount>& amount, const Plan& plan) {
    if (!amount)
        return {};
    const std::string money = money_text(plan, amount->money);
    return amount->percent ? fmt::format("{} ({})", format_percent(*amount->percent), money)
                           : money;
}

std::string flag_text(bool value) {
    return value ? "true" : "false";
}

std::string weekend_text(const Calendar& calendar) {
    static constexpr std::array<std::string_view, 7> names = {
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    std::vector<std::string> days;
    for (std::size_t w = 0; w < names.size(); ++w)
        if (calendar.weekend[w])
            days.emplace_back(names[w]);
    return days.empty() ? "none" : joined(days);
}

std::string days_off_text(const Calendar& calendar) {
    std::vector<std::string> days;
    for (date::sys_days day : calendar.days_off)
        days.push_back(format_iso_date(day));
    return joined(days);
}

// An [import] table's words, "Closed = resolved, Waiting = in_progress", in the file's order.
template <typename Meaning>
std::string words_text(const std::vector<std::pair<std::string, Meaning>>& words) {
    std::vector<std::string> pairs;
    for (const auto& [word, meaning] : words)
        pairs.push_back(fmt::format("{} = {}", word, name(meaning)));
    return joined(pairs);
}

} // namespace

void compare_terms(ChangeList& list, const Plan& was, const Plan& now) {
    const int was_digits = was.contract.minor_digits;
    const int now_digits = now.contract.minor_digits;
    list.term("timebox.start", format_iso_date(was.timebox.start),
              format_iso_date(now.timebox.start));
    list.term("timebox.days", std::to_string(was.timebox.days), std::to_string(now.timebox.days));
    list.term("contract.currency", was.contract.currency, now.contract.currency);
    const auto fee = [](const Plan& plan) -> std::optional<Amount> {
        if (!plan.contract.monthly_fee)
            return std::nullopt;
        return Amount{*plan.contract.monthly_fee, std::nullopt};
    };
    const auto money_term = [&](std::string field, const std::optional<Amount>& before,
                                const std::optional<Amount>& after) {
        list.term(std::move(field), amount_text(before, was_digits), amount_text(after, now_digits),
                  amount_words(before, was), amount_words(after, now));
    };
    money_term("contract.monthly_fee", fee(was), fee(now));
    list.term("contract.settlement", was.contract.settlement, now.contract.settlement);
    list.term("calendar.weekend", was.calendar.present ? weekend_text(was.calendar) : "",
              now.calendar.present ? weekend_text(now.calendar) : "");
    list.term("calendar.days_off", days_off_text(was.calendar), days_off_text(now.calendar));
    list.term("calendar.holidays_file", was.calendar.holidays_file, now.calendar.holidays_file);
    list.term("audit.signers", was.audit.signers, now.audit.signers);

    const Penalties& a = was.penalties;
    const Penalties& b = now.penalties;
    list.term("penalties", a.present ? "present" : "", b.present ? "present" : "");
    list.term("penalties.grace_days", std::to_string(a.grace_days), std::to_string(b.grace_days));
    list.term("penalties.days", std::string(day_counts.name(a.days)),
              std::string(day_counts.name(b.days)));
    money_term("penalties.cap", a.cap, b.cap);
    list.term("penalties.cap_per", std::string(cap_pers.name(a.cap_per)),
              std::string(cap_pers.name(b.cap_per)));
    list.term("penalties.terminate_at_cap", flag_text(a.terminate_at_cap),
              flag_text(b.terminate_at_cap));
    for (Priority priority : all_priorities) {
        const auto at = static_cast<std::size_t>(priority);
        money_term(fmt::format("penalties.per_day.{}", name(priority)), a.per_day[at],
                   b.per_day[at]);
        money_term(fmt::format("penalties.per_miss.{}", name(priority)), a.per_miss[at],
                   b.per_miss[at]);
    }

    const Ultimatum& u = was.ultimatum;
    const Ultimatum& v = now.ultimatum;
    // Without the table the warning is the timebox's start: only a change of meaning shows.
    // With given = false there is no warning yet.
    const auto warning_text = [](const Plan& plan) {
        const std::optional<date::sys_days> day = warning_day(plan);
        return day ? format_iso_date(*day) : std::string("not given");
    };
    list.term("ultimatum.issued", warning_text(was), warning_text(now));
    list.term("ultimatum.until", day_text(u.until), day_text(v.until));
    list.term("ultimatum.strikes", std::to_string(u.strikes), std::to_string(v.strikes));
    list.term("ultimatum.severity", std::string(name(u.severity)), std::string(name(v.severity)));
}

// Who the plan is between and how remedy reads it: flagged only for who recorded it
// (fact_owners.h), and the letters' templates for what they say.
void compare_settings(ChangeList& list, const Plan& was, const Plan& now) {
    const auto setting = [&](const char* field, const std::string& before,
                             const std::string& after) {
        list.value(ChangeTopic::plan, field, field, before, after,
                   fmt::format("{} {}", field, from_to(before, after)));
    };
    setting("client.name", was.client.name, now.client.name);
    setting("client.contact", was.client.contact, now.client.contact);
    setting("client.timezone", was.client.timezone, now.client.timezone);
    setting("provider.name", was.provider.name, now.provider.name);
    setting("provider.contact", was.provider.contact, now.provider.contact);
    setting("provider.cc", joined(was.provider.cc), joined(now.provider.cc));
    setting("client.people", joined(was.client.people), joined(now.client.people));
    setting("provider.people", joined(was.provider.people), joined(now.provider.people));
    setting("contract.reference", was.contract.reference, now.contract.reference);
    setting("warnings.due_within", std::to_string(was.warnings.due_within),
            std::to_string(now.warnings.due_within));
    setting("warnings.pace_days", std::to_string(was.warnings.pace_days),
            std::to_string(now.warnings.pace_days));
    // How the provider's ticket export is read: what its rows can record is the client's choice.
    const ImportMapping& a = was.import_mapping;
    const ImportMapping& b = now.import_mapping;
    setting("import.ticket", a.ticket, b.ticket);
    setting("import.status", a.status, b.status);
    setting("import.resolved", a.resolved, b.resolved);
    setting("import.priority", a.priority, b.priority);
    setting("import.summary", a.summary, b.summary);
    setting("import.created", a.created, b.created);
    const auto order = [](const std::optional<DateOrder>& dates) {
        return dates ? std::string(date_orders.name(*dates)) : std::string();
    };
    setting("import.dates", order(a.dates), order(b.dates));
    setting("import.statuses", words_text(a.statuses), words_text(b.statuses));
    setting("import.priorities", words_text(a.priorities), words_text(b.priorities));
    list.value(ChangeTopic::plan, "email.templates", "email.templates", was.email.templates,
               now.email.templates,
               fmt::format("email.templates {}", from_to(was.email.templates, now.email.templates)),
               flag_letter_templates);
}

namespace {

struct NamedKind {
    std::string_view key;
    std::string_view what;
    ChangeFlag flag;
};

constexpr std::array<NamedKind, 3> named_kinds = {{
    {"calendar.holidays_file", "holidays file", flag_contract_terms},
    {"audit.signers", "signers file", flag_contract_terms},
    {"email.templates", "letter templates folder", flag_letter_templates},
}};

const NamedFile* named(const std::vector<NamedFile>& files, std::string_view key) {
    for (const NamedFile& file : files)
        if (file.key == key && !file.object.empty())
            return &file;
    return nullptr;
}

} // namespace

std::vector<RecordChange> file_changes(const std::vector<NamedFile>& before,
                                       const std::vector<NamedFile>& after) {
    // The day plays no part: a file carries no date of its own.
    ChangeList list(date::sys_days{}, date::sys_days{});
    for (const NamedKind& kind : named_kinds) {
        const NamedFile* was = named(before, kind.key);
        const NamedFile* now = named(after, kind.key);
        if (!was && !now)
            continue;
        if (was && now && was->path == now->path && was->object == now->object)
            continue;
        std::string text;
        ChangeAction action = ChangeAction::changed;
        if (!was) {
            action = ChangeAction::added;
            text = fmt::format("{} {} added", kind.what, now->path);
        } else if (!now) {
            action = ChangeAction::removed;
            text = fmt::format("{} {} removed", kind.what, was->path);
        } else if (was->path == now->path) {
            text = fmt::format("{} {} changed", kind.what, now->path);
        } else {
            text = fmt::format("{} changed from {} to {}", kind.what, was->path, now->path);
        }
        list.record(ChangeTopic::file, action, std::string(kind.key), std::move(text), std::nullopt,
                    kind.flag);
        RecordChange& change = list.last();
        change.field = std::string(kind.key);
        change.before = was ? was->object : std::string();
        change.after = now ? now->object : std::string();
    }
    return list.take();
}

} // namespace remedy
