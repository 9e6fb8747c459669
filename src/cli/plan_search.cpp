#include "plan_search.h"

#include "remedy/io/distinct_plans.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

std::vector<std::string> offer_distinct_plans(const Invocation& invocation,
                                              const std::vector<std::string>& paths,
                                              const Offer& offer, Diagnostics& unsearched) {
    std::vector<std::string> files = find_distinct_plans(
        paths, invocation.env.working_dir, [&](const std::string& file) { offer(file); },
        [&](const std::string& folder, const std::string& why) {
            unsearched.push_back({Severity::warning,
                                  folder,
                                  {},
                                  fmt::format("cannot be searched ({}); plans in it may be "
                                              "missing from the {}",
                                              why, invocation.command.name)});
        });
    // In the order of their names, not the order the disk listed them in.
    std::stable_sort(unsearched.begin(), unsearched.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.file < b.file; });
    return files;
}

Unexpected<CommandError> no_plan_found(const std::vector<std::string>& paths,
                                       Diagnostics unsearched) {
    return refusal(fmt::format("no remedy.toml found in {}",
                               paths.empty() ? std::string("the working directory")
                                             : fmt::format("{}", fmt::join(paths, ", "))),
                   std::move(unsearched));
}

} // namespace remedy
