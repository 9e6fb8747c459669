#include "change_list.h"

#include "remedy/model/dates.h"
#include "remedy/model/wording.h"

#include <fmt/format.h>

namespace remedy {

std::string day_text(std::optional<date::sys_days> day) {
    return day ? format_iso_date(*day) : std::string();
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string from_to(std::string_view before, std::string_view after) {
    if (before.empty())
        return fmt::format("set to {}", after);
    if (after.empty())
        return fmt::format("{} removed", before);
    return fmt::format("changed from {} to {}", before, after);
}

void ChangeList::record(ChangeTopic topic, ChangeAction action, std::string subject,
                        std::string text, std::optional<date::sys_days> dated, unsigned flags) {
    RecordChange change;
    change.topic = topic;
    change.action = action;
    change.subject = std::move(subject);
    change.dated = dated;
    change.flags = flags;
    change.text = std::move(text);
    if (dated && *dated < recorded_on_ - backdate_tolerance)
        change.flags |= flag_backdated;
    add(std::move(change));
}

bool ChangeList::value(ChangeTopic topic, std::string subject, std::string field,
                       std::string before, std::string after, std::string text, unsigned flags,
                       std::optional<date::sys_days> dated) {
    if (before == after)
        return false;
    RecordChange change;
    change.topic = topic;
    change.action = ChangeAction::changed;
    change.subject = std::move(subject);
    change.field = std::move(field);
    change.before = std::move(before);
    change.after = std::move(after);
    change.dated = dated;
    change.flags = flags;
    change.text = std::move(text);
    add(std::move(change));
    return true;
}

void ChangeList::term(std::string field, std::string before, std::string after,
                      std::optional<std::string> before_words,
                      std::optional<std::string> after_words) {
    std::string text = fmt::format("{} {}", field,
                                   from_to(before.empty() ? "" : before_words.value_or(before),
                                           after.empty() ? "" : after_words.value_or(after)));
    value(ChangeTopic::terms, field, field, std::move(before), std::move(after), std::move(text),
          flag_contract_terms);
}

void ChangeList::add(RecordChange change) {
    if (change.dated && *change.dated > recorded_on_)
        change.flags |= flag_future_dated;
    std::vector<std::string> why;
    if (change.flags & flag_backdated)
        why.push_back(fmt::format("dated {} before its commit",
                                  plural(days_between(*change.dated, recorded_on_), "day")));
    if (change.flags & flag_future_dated)
        why.push_back(fmt::format("dated {} after its commit",
                                  plural(days_between(recorded_on_, *change.dated), "day")));
    if (change.flags & flag_rewrites_record)
        why.emplace_back("changes what an earlier commit recorded");
    if (change.flags & flag_contract_terms)
        why.emplace_back("changes the contract's terms");
    if (change.flags & flag_letter_templates)
        why.emplace_back("changes the letters' templates");
    change.why = joined(why);
    changes_.push_back(std::move(change));
}

} // namespace remedy
