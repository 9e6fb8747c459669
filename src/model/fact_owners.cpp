#include "remedy/model/fact_owners.h"

#include "remedy/model/mail_address.h"
#include "remedy/util/ascii.h"

#include <fmt/format.h>

namespace remedy {

namespace {

constexpr Recorder either = Recorder::either_party;

} // namespace

// The contract's table, left column. Transitions, not keys: a withdrawal writes `dispute` too
// but is the client's (its `state` is "withdrawn"); a reopen is the client's, and so is the pause
// it writes. `ticket` and the dispute's day (`disputed`) are listed ahead of the keys that carry
// them.
const std::vector<FactKind> provider_facts = {
    {ChangeTopic::issue, ChangeAction::started, {}, {}, either},
    {ChangeTopic::issue, ChangeAction::resolved, {}, {}, either},
    {ChangeTopic::issue, ChangeAction::changed, "resolved", {}, either},
    {ChangeTopic::issue, ChangeAction::changed, "notes", {}, either},
    {ChangeTopic::issue, ChangeAction::changed, "owner", {}, either},
    {ChangeTopic::issue, ChangeAction::changed, "category", {}, either},
    {ChangeTopic::issue, ChangeAction::changed, "ticket", {}, either},
    {ChangeTopic::incident, ChangeAction::disputed, {}, {}, either},
    {ChangeTopic::incident, ChangeAction::changed, "dispute", "disputed", either},
    {ChangeTopic::incident, ChangeAction::changed, "disputed", {}, either},
    {ChangeTopic::incident, ChangeAction::changed, "notes", {}, either},
    {ChangeTopic::incident, ChangeAction::changed, "ticket", {}, either},
};

Recorder recorded_by(const RecordChange& change) {
    for (const FactKind& kind : provider_facts)
        if (kind.topic == change.topic && kind.action == change.action &&
            (kind.field.empty() || kind.field == change.field) &&
            (kind.state.empty() || kind.state == change.state))
            return kind.recorded_by;
    return Recorder::client_only;
}

bool speaks_for(const std::vector<std::string>& people, std::string_view address) {
    const Expected<MailAddress> wanted = parse_mail_address(address);
    if (!wanted)
        return false;
    const std::string lower = to_lower_ascii(wanted->address());
    for (const std::string& person : people)
        if (const Expected<MailAddress> parsed = parse_mail_address(person))
            if (to_lower_ascii(parsed->address()) == lower)
                return true;
    return false;
}

Party party_of(const Plan& rules, std::string_view address) {
    if (speaks_for(rules.client.people, address))
        return Party::client;
    if (speaks_for(rules.provider.people, address))
        return Party::provider;
    return Party::unknown;
}

bool checks_authorship(const Plan& rules) {
    return !rules.client.people.empty();
}

void flag_recorders(std::vector<RecordChange>& changes, Party party, std::string_view who) {
    if (party == Party::client)
        return;
    const ChangeFlag flag = party == Party::provider ? flag_other_party : flag_unknown_author;
    const std::string why =
        fmt::format("a client's decision in a commit of {} ({})",
                    party == Party::provider ? "the provider" : "neither party", who);
    for (RecordChange& change : changes) {
        if (recorded_by(change) != Recorder::client_only)
            continue;
        change.flags |= flag;
        change.why += (change.why.empty() ? "" : ", ") + why;
    }
}

} // namespace remedy
