#pragma once

#include "remedy/util/expected.h"

#include <string>
#include <string_view>

namespace remedy {

class MailAddress;
Expected<MailAddress> parse_mail_address(std::string_view text);

// One mailbox as a plan writes it: "Pat Doe <pat@acme-it.example>" or "pat@acme-it.example".
// Only parse_mail_address makes one, so that every address a header is given is an addr-spec
// (is_addr_spec), safe to write as it is.
class MailAddress {
public:
    const std::string& display_name() const { return display_name_; } // may hold any UTF-8
    const std::string& address() const { return address_; }           // local@domain, ASCII
    std::string domain() const { return address_.substr(address_.rfind('@') + 1); }

private:
    friend Expected<MailAddress> parse_mail_address(std::string_view text);
    MailAddress() = default;

    std::string display_name_;
    std::string address_;
};

// Whether `address` is an RFC 5322 addr-spec with a dot-atom local part (letters, digits and
// !#$%&'*+-/=?^_`{|}~, in runs joined by single dots; at most 64 octets) and a domain of at
// least two labels of letters, digits and inner hyphens: what every mail system delivers, and
// what can be written bare in a header. No quoted local part, no domain literal, no ':', '[',
// ']', white space or control character: an address never carries "::" or "##[" (a CI
// runner's commands) into a header, a log or a letter.
bool is_addr_spec(std::string_view address);

// "Display Name <addr-spec>" (the name may be a quoted string) or a bare addr-spec; anything
// else is refused with the reason: what no mail system would deliver, a missing '>'.
Expected<MailAddress> parse_mail_address(std::string_view text);

} // namespace remedy
