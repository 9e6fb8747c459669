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

// RFC 5321 4.5.3.1.3: a path holds at most 256 octets, its address at most 254; a local part
// at most 64, a domain label at most 63.
constexpr std::size_t max_address_octets = 254;
constexpr std::size_t max_local_octets = 64;
constexpr std::size_t max_label_octets = 63;

// RFC 5322 3.2.3 atext: letters, digits and !#$%&'*+-/=?^_`{|}~.
bool is_atext(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-/=?^_`{|}~").find(static_cast<char>(c)) !=
               std::string_view::npos;
}

// A dot-atom (RFC 5322 3.2.3): runs of atext joined by single dots, none at either end.
bool is_dot_atom(std::string_view text) {
    if (text.empty() || text.front() == '.' || text.back() == '.' ||
        text.find("..") != std::string_view::npos)
        return false;
    for (unsigned char c : text)
        if (c != '.' && !is_atext(c))
            return false;
    return true;
}

// A domain as mail is routed to it (RFC 5321 4.1.2): at least two labels of letters, digits
// and inner hyphens, a dot-atom too.
bool is_domain(std::string_view domain) {
    if (domain.find('.') == std::string_view::npos)
        return false;
    std::size_t start = 0;
    while (start <= domain.size()) {
        std::size_t end = domain.find('.', start);
        if (end == std::string_view::npos)
            end = domain.size();
        const std::string_view label = domain.substr(start, end - start);
        if (label.empty() || label.size() > max_label_octets || label.front() == '-' ||
            label.back() == '-')
            return false;
        for (unsigned char c : label)
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-'))
                return false;
        start = end + 1;
    }
    return true;
}

} // namespace

bool is_addr_spec(std::string_view address) {
    if (address.size() > max_address_octets)
        return false;
    const std::size_t at = address.rfind('@');
    if (at == std::string_view::npos)
        return false;
    const std::string_view local = address.substr(0, at);
    return local.size() <= max_local_octets && is_dot_atom(local) &&
           is_domain(address.substr(at + 1));
}

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
        mailbox.display_name_ = name.size() >= 2 && name.front() == '"' && name.back() == '"'
                                    ? unquoted(name.substr(1, name.size() - 2))
                                    : std::string(name);
    }
    if (!is_addr_spec(address))
        return fail(fmt::format("'{}' is not an email address such as \"Pat Doe "
                                "<pat@acme-it.example>\"",
                                text));
    mailbox.address_ = std::string(address);
    return mailbox;
}

} // namespace remedy
