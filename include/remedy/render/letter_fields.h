#pragma once

#include "remedy/model/letter_facts.h"
#include "remedy/render/letter_template.h"

#include <map>
#include <optional>
#include <string>

namespace remedy {

// Why `kind` cannot be written for this plan on as_of, as one line; nothing when it can. Every
// letter needs real contacts (not the ones `remedy init` writes); a termination needs the
// verdict terminate (or forcing, with a reason); an ultimatum is written from its own day to the
// deadline; a closing needs the verdict remediated; a `changes` letter something agreed in its
// days; a statement a month that ended and owes something (or forcing).
// Why a letter is not written, in words of the plan and the judgement only; `forcible` when a
// person may write it anyway (a termination with a reason, a statement of any month): the
// command that offers that says how.
struct LetterRefusal {
    std::string why;
    bool forcible = false;
};
std::optional<LetterRefusal> letter_refusal(LetterKind kind, const Plan& plan,
                                            const Judgement& judgement, const LetterFacts& facts);

// Every {{placeholder}} a letter can use, with its text for this plan on as_of
// (docs/email-templates.md lists them). Each sentence about a rule is made from the rule as the
// judgement applied it, and each amount from the judgement.
std::map<std::string, std::string> letter_fields(const Plan& plan, const Judgement& judgement,
                                                 const LetterFacts& facts);

} // namespace remedy
