#include "amount_reader.h"
#include "plan_sections.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

namespace {

// [penalties.per_day] or [penalties.per_miss]: one amount per priority name or alias.
void read_amounts_by_priority(TableReader& penalties, std::string_view key,
                              const Contract& contract, Reading& r, AmountByPriority& amounts,
                              SourceMap& where) {
    const toml::table* table = sub_table(penalties, key, Presence::optional);
    if (!table)
        return;
    TableReader reader(*table, penalties.qualified(key), r.file, r.diagnostics);
    // toml++ keeps keys sorted; the file's order decides which of two aliases came first.
    std::vector<const toml::key*> keys;
    for (auto&& [name, value] : *table)
        keys.push_back(&name);
    std::sort(keys.begin(), keys.end(), [](const toml::key* a, const toml::key* b) {
        const auto& pa = a->source().begin;
        const auto& pb = b->source().begin;
        return std::pair(pa.line, pa.column) < std::pair(pb.line, pb.column);
    });
    std::array<SourcePos, 4> first_place{};
    for (const toml::key* key : keys) {
        const toml::key& name = *key;
        const SourcePos key_pos = position_of(name.source().begin);
        const std::optional<Priority> priority = parse_priority(name.str());
        if (!priority) {
            reader.node(name.str(), Presence::optional); // reported here, not as unknown
            reader.error(key_pos, fmt::format("{} is not a priority; use low, medium, high or "
                                              "critical (or P4..P1)",
                                              reader.qualified(name.str())));
            continue;
        }
        const auto slot = static_cast<std::size_t>(*priority);
        std::optional<Amount> amount =
            read_amount(reader, name.str(), contract, PercentOfFee::allowed);
        if (first_place[slot].known()) {
            reader.error(key_pos, fmt::format("{} sets {} a second time (first at line {})",
                                              reader.qualified(name.str()), remedy::name(*priority),
                                              first_place[slot].line));
            continue;
        }
        first_place[slot] = key_pos;
        amounts[slot] = amount;
    }
    where = reader.finish();
}

} // namespace

void read_penalties(TableReader& root, const Contract& contract, Reading& r, Penalties& penalties) {
    const toml::table* table = sub_table(root, "penalties", Presence::optional);
    if (!table) {
        r.complete.penalties = true;
        return;
    }
    const std::size_t errors_before = r.error_count();
    penalties.present = true;
    TableReader reader(*table, "penalties", r.file, r.diagnostics);
    penalties.grace_days =
        static_cast<int>(reader.integer("grace_days", Presence::optional, 0, 365).value_or(0));
    penalties.days =
        reader.choice("days", Presence::optional, day_counts).value_or(DayCount::calendar);
    penalties.cap = read_amount(reader, "cap", contract, PercentOfFee::allowed);
    penalties.cap_per =
        reader.choice("cap_per", Presence::optional, cap_pers).value_or(CapPer::plan);
    if (penalties.cap && penalties.cap->money.minor == 0) {
        reader.error(position_of(table->get("cap")->source().begin),
                     "penalties.cap must be more than zero; leave it out for no cap");
        penalties.cap.reset();
    }
    penalties.terminate_at_cap =
        reader.boolean("terminate_at_cap", Presence::optional).value_or(false);
    read_amounts_by_priority(reader, "per_day", contract, r, penalties.per_day,
                             penalties.per_day_where);
    read_amounts_by_priority(reader, "per_miss", contract, r, penalties.per_miss,
                             penalties.per_miss_where);
    penalties.where = reader.finish();
    r.complete.penalties = r.error_count() == errors_before;
}

void read_credit(const toml::table& table, const Contract& contract, Reading& r,
                 std::vector<Credit>& credits) {
    TableReader reader(table, "credit", r.file, r.diagnostics);
    ReadCompleteness::Credit& valid = r.complete.credits.emplace_back();
    const std::size_t errors_before = r.error_count();
    Credit credit;
    credit.date = reader.day("date", Presence::required).value_or(date::sys_days{});
    if (const std::optional<Amount> amount =
            read_amount(reader, "amount", contract, PercentOfFee::refused)) {
        credit.amount = amount->money;
        if (credit.amount.minor == 0)
            reader.error(position_of(table.get("amount")->source().begin),
                         "credit.amount must be more than zero");
    } else if (!table.get("amount")) {
        reader.node("amount", Presence::required);
    }
    credit.invoice = reader.line("invoice", Presence::required).value_or("");
    credit.note = reader.line("note", Presence::optional).value_or("");
    credit.where = reader.finish();
    valid.all = r.error_count() == errors_before;
    credits.push_back(std::move(credit));
}

} // namespace remedy
