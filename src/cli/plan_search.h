#pragma once

// The plans of `check PATH...` and `portfolio PATH...`: files and folders alike, each plan once
// (by its real file), judged while the folders are still searched.

#include "parallel_plans.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace remedy {

// What `keep` made of each plan found, in the order of `files` (each PATH in turn, a folder's
// plans in byte order of their names), and the folders the search could not read.
template <class Kept> struct FoundPlans {
    std::vector<std::string> files;
    std::vector<Kept> kept; // kept[i] is of files[i]
    Diagnostics unsearched; // one warning a folder, in the order of their names
};

// Hands each plan the search finds to the pool of judge_offered: an offer a plan, once.
// `unsearched` gets the folders it could not read, each a warning that says plans may be
// missing from the command's report; the files are returned in their order.
std::vector<std::string> offer_distinct_plans(const Invocation& invocation,
                                              const std::vector<std::string>& paths,
                                              const Offer& offer, Diagnostics& unsearched);

// The refusal when the PATHs hold no plan at all ("no remedy.toml found in clients/").
Unexpected<CommandError> no_plan_found(const std::vector<std::string>& paths,
                                       Diagnostics unsearched);

// Each plan under `paths` read, judged on its day and given to keep(file) on the thread that
// judged it; or the refusal when there is none.
template <class Kept>
Expected<FoundPlans<Kept>, CommandError>
judge_found(const Invocation& invocation, const std::vector<std::string>& paths,
            const std::function<Kept(JudgedFile file)>& keep) {
    FoundPlans<Kept> found;
    struct Named {
        std::string file;
        Kept kept;
    };
    std::vector<Named> offered = judge_offered<Named>(
        invocation,
        [&](const Offer& offer) {
            found.files = offer_distinct_plans(invocation, paths, offer, found.unsearched);
        },
        [&](JudgedFile file) {
            std::string name = file.file;
            return Named{std::move(name), keep(std::move(file))};
        });
    if (found.files.empty())
        return no_plan_found(paths, std::move(found.unsearched));
    // In the order of the files, not the order the pool finished them in.
    std::unordered_map<std::string_view, std::size_t> place_of;
    for (std::size_t i = 0; i < found.files.size(); ++i)
        place_of.emplace(found.files[i], i);
    std::vector<std::optional<Kept>> placed(found.files.size());
    for (Named& named : offered)
        placed[place_of.at(named.file)] = std::move(named.kept);
    found.kept.reserve(placed.size());
    for (std::optional<Kept>& kept : placed)
        found.kept.push_back(std::move(*kept)); // every file found was offered and kept
    return found;
}

} // namespace remedy
