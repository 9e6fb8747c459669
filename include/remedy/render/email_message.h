#pragma once

#include "remedy/judgement.h"
#include "remedy/mail_address.h"
#include "remedy/recent_changes.h"
#include "remedy/render/letter_template.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace remedy {

// What a message needs besides the plan and its judgement.
struct MessageOptions {
    LetterKind kind = LetterKind::weekly;
    std::vector<MailAddress> to;   // empty: provider.contact
    std::vector<MailAddress> cc;   // empty: provider.cc
    std::string templates;         // a folder of KIND.txt overrides; empty: built-in wording
    std::chrono::sys_seconds date; // the Date header and the calendar's DTSTAMP
    // Mixed into Message-ID and the MIME boundary. With SOURCE_DATE_EPOCH it derives from the
    // epoch, so that the same inputs give the same bytes; otherwise it is random.
    std::uint64_t uniqueness = 0;
};

// Every {{placeholder}} a letter can use, with its text for this plan on as_of
// (docs/email-templates.md lists them).
std::map<std::string, std::string> letter_fields(const Plan& plan, const Judgement& judgement,
                                                 const RecentChanges& changes);

// The whole RFC 5322 message, LF line ends, ready for `sendmail -t`. Fails when the plan has no
// client.contact or provider.contact (and no --to), or a template is wrong.
Expected<std::string> compose_message(const Plan& plan, const Judgement& judgement,
                                      const MessageOptions& options);

} // namespace remedy
