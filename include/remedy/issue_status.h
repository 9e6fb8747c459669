#pragma once

#include <optional>
#include <string_view>

namespace remedy {

// The status written in the plan, and the state an issue is in on a given day.
enum class IssueStatus { open, in_progress, resolved, waived };

// Accepts the canonical names in any case, and "in-progress" for in_progress.
std::optional<IssueStatus> parse_issue_status(std::string_view text);

std::string_view name(IssueStatus status);

} // namespace remedy
