#pragma once

#include "remedy/model/judgement.h"
#include "remedy/model/mail_address.h"
#include "remedy/render/letter_fields.h"
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

// The whole RFC 5322 message, LF line ends, ready for `sendmail -t`. Fails when the plan has no
// client.contact or provider.contact (and no options.to), or the wording uses an unknown
// placeholder. Whether the letter may be written at all is letter_refusal's question, asked
// first by the command.
Expected<std::string> compose_message(const Plan& plan, const Judgement& judgement,
                                      const LetterFacts& facts, const MessageOptions& options);

} // namespace remedy
