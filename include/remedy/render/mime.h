#pragma once

#include "remedy/model/mail_address.h"

#include <string>
#include <string_view>
#include <vector>

namespace remedy {

// The pieces of RFC 2045-2047 and 5322 that a plain-text letter with an attachment needs.
// Every header line produced is ASCII and folded to at most 78 characters.

// A header field "Name: value", the value encoded as RFC 2047 words when it is not ASCII and
// folded at spaces when it is long.
std::string header_field(std::string_view name, std::string_view value);

// An address header ("To: ..."): display names quoted or encoded, addresses left intact.
std::string address_field(std::string_view name, const std::vector<MailAddress>& mailboxes);

// Quoted-printable (RFC 2045) of UTF-8 text with LF line ends: encoded lines of at most 76.
std::string quoted_printable(std::string_view text);

// Base64 (RFC 2045) in lines of 76 characters, each ending in LF.
std::string base64_lines(std::string_view bytes);

} // namespace remedy
