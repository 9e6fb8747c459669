#pragma once

#include "remedy/model/judgement.h"

#include <chrono>
#include <string>

namespace remedy {

// The plan's dates as an RFC 5545 calendar (METHOD:PUBLISH, CRLF lines): an all-day event on
// the due date of every issue still to resolve on as_of, and one on the deadline. Each event's
// UID depends only on the plan (the issue id, the contract, the client's mail domain), so that
// importing a newer calendar updates the events instead of adding copies. `stamp` is DTSTAMP.
std::string render_calendar(const Plan& plan, const Judgement& judgement,
                            std::chrono::sys_seconds stamp);

// Where UIDs and Message-IDs live: the domain of client.contact, else "remedy.invalid".
std::string mail_domain(const Plan& plan);

} // namespace remedy
