#pragma once

#include "remedy/model/plan.h"
#include "remedy/model/plan_changes.h"
#include "remedy/util/enum_names.h"

#include <string_view>
#include <vector>

namespace remedy {

// Who may record what (SPEC: "Who records what"). Every change between two versions of the plan
// is a fact of one kind: the provider's facts (an issue started or resolved and its date, an
// incident disputed, notes, owners, categories, tickets) may be recorded by either party; the
// client's decisions (everything else) only by the client. A commit's party is found from its
// author's address, or its verified signer, in the people lists of the version before it.

enum class Party { client, provider, unknown };

inline constexpr EnumNames<Party, 3> parties{{{
    {Party::client, "client"},
    {Party::provider, "provider"},
    {Party::unknown, "unknown"},
}}};

// Who may record a kind of fact.
enum class Recorder { either_party, client_only };

// One row of the table: the changes of `topic` with `action` (and, for `changed`, of `field`;
// empty: any field), and, when `state` is given, only those leaving the thing in that state.
struct FactKind {
    ChangeTopic topic;
    ChangeAction action;
    std::string_view field;
    std::string_view state;
    Recorder recorded_by;
};

// The provider's facts, which either party may record; every other change is a client's
// decision. The whole table: a comparison never decides who may record what.
extern const std::vector<FactKind> provider_facts;

// Who may record `change`.
Recorder recorded_by(const RecordChange& change);

// Whether `address` (a mailbox, "Name <a@b>", or a bare address) is one of `people`, compared by
// the address alone, ignoring ASCII case.
bool speaks_for(const std::vector<std::string>& people, std::string_view address);

// The party `address` speaks for by the people lists of `rules`.
Party party_of(const Plan& rules, std::string_view address);

// Whether `rules` check who recorded what: only when [client] people is set.
bool checks_authorship(const Plan& rules);

// Flags each client's decision among `changes` recorded by a commit of `party`: `other-party`
// for the provider's, `unknown-author` for neither's; `who` names the commit's author or signer
// in the words that say why.
void flag_recorders(std::vector<RecordChange>& changes, Party party, std::string_view who);

} // namespace remedy
