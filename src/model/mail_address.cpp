#include "remedy/model/mail_address.h"

#include <fmt/format.h>

namespace remedy {

namespace {

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// The text of a quoted string: each quoted pair (a backslash and the character after it) is
// that character, so that "O'Neil \\"OJ\\" Smith" names O'Neil "OJ" Smith.
std::string unquoted(std::string_view quoted) {
    std::string text;
    for (std::size_t i = 0; i < quoted.size(); ++i) {
        if (quoted[i] == '\\' && i + 1 < quoted.size())
            ++i;
        text += quoted[i];
    }
    return text;
}

// RFC 5321 4.5.3.1.3: a path holds at most 256 octets, its address at most 254.
constexpr std::size_t max_address_octets = 254;

bool is_plain_address(std::string_view address) {
    if (address.size() > max_address_octets)
        return false;
    const std::size_t at = address.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == address.size() ||
        address.find('@', at + 1) != std::string_view::npos)
        return false;
    for (unsigned char c : address)
        if (c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '"' || c == ',' || c == '(' ||
            c == ')' || c == ';' || c == '\\')
            return false;
    return address.substr(at + 1).find('.') != std::string_view::npos;
}

} // namespace

Expected<MailAddress> parse_mail_address(std::string_view text) {
    const std::string_view whole = trim(text);
    MailAddress mailbox;
    const std::size_t open = whole.rfind('<');
    std::string_view address = whole;
    if (open != std::string_view::npos) {
        if (whole.back() != '>')
            return fail(fmt::format("'{}' has a '<' without a closing '>'", text));
        address = whole.substr(open + 1, whole.size() - open - 2);
        const std::string_view name = trim(whole.substr(0, open));
        mailbox.display_name = name.size() >= 2 && name.front() == '"' && name.back() == '"'
                                   ? unquoted(name.substr(1, name.size() - 2))
                                   : std::string(name);
    }
    if (!is_plain_address(address))
        return fail(fmt::format("'{}' is not an email address such as \"Pat Doe "
                                "<pat@acme-it.example>\"",
                                text));
    mailbox.address = std::string(address);
    return mailbox;
}

} // namespace remedy
