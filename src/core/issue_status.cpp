#include "remedy/issue_status.h"

#include "text_case.h"

namespace remedy {

std::optional<IssueStatus> parse_issue_status(std::string_view text) {
    const std::string lower = to_lower_ascii(text);
    if (lower == "open")
        return IssueStatus::open;
    if (lower == "in_progress" || lower == "in-progress")
        return IssueStatus::in_progress;
    if (lower == "resolved")
        return IssueStatus::resolved;
    if (lower == "waived")
        return IssueStatus::waived;
    return std::nullopt;
}

std::string_view name(IssueStatus status) {
    switch (status) {
    case IssueStatus::open:
        return "open";
    case IssueStatus::in_progress:
        return "in_progress";
    case IssueStatus::resolved:
        return "resolved";
    case IssueStatus::waived:
        return "waived";
    }
    return "?";
}

} // namespace remedy
