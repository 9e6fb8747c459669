#pragma once

// The sentences the letters share (letter_fields.cpp puts them under their placeholder names).

#include "remedy/model/judgement.h"
#include "remedy/model/letter_facts.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace remedy::letter_text {

// One "- item" line each, or `none` when there is none.
std::string bullet_list(const std::vector<std::string>& items, std::string_view none);

// "A, B and C", or `none` when there is none.
std::string joined(const std::vector<std::string>& items, std::string_view none);

// "NET-1 (critical), due 2026-10-15 (3 days overdue): title".
std::string issue_line(const Plan& plan, const Judgement& j, std::size_t i);

// The display name of a mailbox, else `fallback`.
std::string contact_name(const std::string& contact, const std::string& fallback);

// "184.50 USD for a critical issue and 150.00 USD for a high issue".
std::string rates_phrase(const Plan& plan, const AmountByPriority& rates);

// What a working day is under the plan's calendar: the weekend days, and the holidays with
// where they come from (the holidays file, the plan's list), those of the time box named.
std::string working_day_definition(const Plan& plan, const Judgement& j);

// The penalty clauses in plain words, each from the plan's own figures.
std::string penalty_terms(const Plan& plan, const Judgement& j);

// The verdict as a plain sentence.
std::string verdict_sentence(const Plan& plan, const Judgement& j);

// The money, issue by issue, as the ledger computes it, then the total, the cap and what is
// owed (and what was credited): every amount from the judgement, adding up to what is owed.
std::string money_breakdown(const Plan& plan, const Judgement& j);

// Whether an incident is a strike, and why or why not, for the incidents of the week.
std::string incident_line(const Plan& plan, const Judgement& j, std::size_t index);

// What the provider must do, by when: the open issues by effective due date, then everything by
// the deadline.
std::string required(const Plan& plan, const Judgement& j);

// The rule of the deadline as it applies: by which day every issue must be resolved, and what
// missing it entitles the client to.
std::string deadline_rule(const Plan& plan, const Judgement& j);

// The waived issues, each with its day and reason.
std::string waived_issues(const Plan& plan, const Judgement& j);

// "our notice of 2026-10-01, our final warning of 2026-11-02 and the changes agreed on
// 2026-11-20": the record a letter cites, as far as it was given by as_of (the warning left out
// of the warning itself, the changes left out of the record of those changes).
std::string record(const Plan& plan, const Judgement& j, const LetterFacts& facts,
                   bool with_warning, bool with_changes = true);

// How the money owed at the end is paid: what the contract says, or a request.
std::string settlement(const Plan& plan, const Judgement& j);

// One agreed change: what, on which day, why, and what it moved or took away.
std::string agreed_change_line(const Plan& plan, const AgreedChange& change);

// The grounds of a termination, each as the rule that was broken.
std::string grounds(const Plan& plan, const Judgement& j, const LetterFacts& facts);

// Every issue and how it ended: resolved on which day (late by how much) or waived.
std::string resolutions(const Plan& plan, const Judgement& j);

} // namespace remedy::letter_text
