#pragma once

#include "remedy/util/expected.h"

#include <string>
#include <string_view>

namespace remedy {

// One mailbox as a plan writes it: "Pat Doe <pat@acme-it.example>" or "pat@acme-it.example".
struct MailAddress {
    std::string display_name; // may be empty, may hold any UTF-8
    std::string address;      // local@domain, ASCII

    std::string domain() const { return address.substr(address.find('@') + 1); }
};

// Refuses what no mail system would deliver: no '@', spaces or control characters in the
// address, a missing '>'.
Expected<MailAddress> parse_mail_address(std::string_view text);

} // namespace remedy
