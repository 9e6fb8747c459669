#pragma once

#include "remedy/util/enum_names.h"

#include <optional>
#include <string_view>

namespace remedy {

// The status written in the plan, and the state an issue is in on a given day.
enum class IssueStatus { open, in_progress, resolved, waived };

inline constexpr EnumNames<IssueStatus, 4> issue_statuses{{{
    {IssueStatus::open, "open"},
    {IssueStatus::in_progress, "in_progress"},
    {IssueStatus::resolved, "resolved"},
    {IssueStatus::waived, "waived"},
}}};

// Accepts the canonical names in any case, and "in-progress" for in_progress.
std::optional<IssueStatus> parse_issue_status(std::string_view text);

inline std::string_view name(IssueStatus status) {
    return issue_statuses.name(status);
}

} // namespace remedy
