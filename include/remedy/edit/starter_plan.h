#pragma once

#include <date/date.h>
#include <optional>
#include <string>
#include <vector>

namespace remedy {

// What `remedy init` is told (by its options, or by the answers at a terminal). An empty
// contact stays the placeholder, which no letter goes out with.
struct StarterValues {
    std::string client = "Your Company";
    std::string client_contact;
    std::string provider = "Your IT Provider";
    std::string provider_contact;
    std::vector<std::string> cc;
    std::string reference;
    std::string currency = "USD";
    std::string monthly_fee; // none given: nothing, in the currency's minor digits
    date::sys_days start;
    int days = 60;
    std::string timezone = "UTC";
    bool example_issue = false;
    // The day of the final warning when the notice itself is it (init --warning); none: the
    // warning is still to give (`remedy warn`).
    std::optional<date::sys_days> warning;
};

// The remedy.toml that `remedy init` writes: every section of the format with a short comment
// saying what it is for, and, when asked, one example issue.
std::string starter_plan(const StarterValues& values);

} // namespace remedy
