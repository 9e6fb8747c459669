#pragma once

// The letter of one judged plan (commands_letter.cpp): what `remedy email KIND` writes, and
// what `remedy portfolio --email KIND --outbox DIR` writes for each plan.

#include "environment.h"
#include "plan_access.h"
#include "remedy/model/mail_address.h"
#include "remedy/render/email_message.h"

#include <optional>
#include <string>
#include <vector>

namespace remedy {

// What the letter is asked to be: its kind and the options of `remedy email` (empty: the
// plan's own, or none).
struct LetterRequest {
    LetterKind kind = LetterKind::weekly;
    std::vector<MailAddress> to; // instead of provider.contact
    std::vector<MailAddress> cc; // instead of provider.cc
    bool forced = false;         // --force: termination without the verdict, a month not over
    std::string reason;          // termination --force: the ground the letter gives
    std::optional<date::sys_days> effective;
    std::optional<date::sys_days> since; // changes: default 7 days before as_of
    std::optional<date::year_month> month;
    std::optional<std::string> templates; // a folder of KIND.txt instead of email.templates
    // Whether the command has --force (email does, portfolio --email does not): a refusal that
    // forcing overrides says how where it can be done.
    bool force_offered = false;
};

// The message, and what is said beside it (never in it) to the person who asked.
struct PlanLetter {
    std::string message;
    std::vector<std::string> notes;
};

// The letter, stamped as `remedy email` stamps it (the same bytes under SOURCE_DATE_EPOCH,
// whichever command wrote it), or why it is refused (exit 3: a termination without the
// verdict, a closing before everything is resolved, a placeholder contact...).
Expected<PlanLetter, CommandError>
compose_plan_letter(const Environment& env, const LetterRequest& request, const JudgedPlan& judged);

} // namespace remedy
