#pragma once

#include "remedy/model/plan.h"
#include "remedy/util/expected.h"

#include <string>
#include <string_view>

namespace remedy {

// The names the diagnostics, the edits' summaries and every renderer share, so that an issue or
// an amount reads the same everywhere. Sentences about a judgement are worded in the render
// layer (render/judgement_words.h), never here.

// "1 day", "3 days".
std::string plural(long long count, std::string_view word);

// "1,000,000": a count in a message.
std::string count_text(std::size_t count);

// "NET-1 (critical)".
std::string issue_label(const Issue& issue);

// "1,750.00 USD".
std::string money_text(const Plan& plan, Money amount);

// The notes as they stood on as_of: a line that begins with a date after as_of ("2026-10-25,
// reopened: ...", as --note writes them) was written later and is left out, so that a report
// of a past day does not show what was noted after it.
std::string notes_on(std::string_view notes, date::sys_days as_of);

// The index of the issue `id` names, in any case (ids are unique regardless of case); an unknown
// id is the error, "remedy.toml has no issue NTE-1; did you mean NET-1?" when one is near.
Expected<std::size_t> find_issue_index(const Plan& plan, std::string_view id);

} // namespace remedy
