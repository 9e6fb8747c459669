#include "remedy/model/issue_status.h"

#include "remedy/util/ascii.h"

namespace remedy {

std::optional<IssueStatus> parse_issue_status(std::string_view text) {
    const std::string lower = to_lower_ascii(text);
    if (lower == "in-progress")
        return IssueStatus::in_progress;
    return issue_statuses.parse(lower);
}

} // namespace remedy
