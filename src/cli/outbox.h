#pragma once

// `portfolio --email KIND --outbox DIR`: the week's letters of every plan, one .eml a plan.

#include "command.h"

#include <optional>
#include <string>
#include <vector>

namespace remedy {

// The file name of a plan's letter in the outbox: the plan's path with its folders joined by
// '-' ("clients/acme/remedy.toml" -> "clients-acme.eml", "plans/at-risk.toml" ->
// "plans-at-risk.eml"): "." and ".." and a leading '/' left out, a control character made '_',
// and a name that repeats another made unique with "-2", "-3"... (`taken` are the names given
// so far).
std::string outbox_name(const std::string& plan_file, const std::vector<std::string>& taken);

// One plan's letter: its message, or why there is none (a refusal, an invalid plan).
struct OutboxLetter {
    std::string plan_file;
    std::optional<std::string> message;
    std::string refused; // why not, when there is no message
};

// Writes each letter into `folder` (created when missing), in the order given, and says in
// `notes` where each went or why there is none; a refusal is not a failure. Fails only when the
// folder cannot be made or a letter cannot be written (the others are still written).
Expected<void> write_outbox(const std::string& folder, std::string_view kind,
                            const std::vector<OutboxLetter>& letters,
                            std::vector<std::string>& notes);

} // namespace remedy
