#pragma once

#include "remedy/model/judgement.h"
#include "remedy/model/mail_address.h"
#include "remedy/model/recent_changes.h"
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
    std::vector<MailAddress> to;        // empty: provider.contact
    std::vector<MailAddress> cc;        // empty: provider.cc
    LetterTemplate wording;             // built_in_template(kind), or the plan's own
    std::chrono::sys_seconds date;      // the Date header and the calendar's DTSTAMP
    std::chrono::seconds utc_offset{0}; // client.timezone's offset at `date`, for the header
    // Mixed into Message-ID and the MIME boundary. With SOURCE_DATE_EPOCH it derives from the
    // epoch, so that the same inputs give the same bytes; otherwise it is random.
    std::uint64_t uniqueness = 0;
};

// Every {{placeholder}} a letter can use, with its text for this plan on as_of
// (docs/email-templates.md lists them).
std::map<std::string, std::string> letter_fields(const Plan& plan, const Judgement& judgement,
                                                 const RecentChanges& changes);

// The whole RFC 5322 message, LF line ends, ready for `sendmail -t`; `changes` are those of the
// week before as_of. Fails when the plan has no client.contact or provider.contact (and no
// options.to), or the wording uses an unknown placeholder.
Expected<std::string> compose_message(const Plan& plan, const Judgement& judgement,
                                      const RecentChanges& changes, const MessageOptions& options);

} // namespace remedy
