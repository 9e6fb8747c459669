#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace remedy {

// The number of single-character insertions, deletions and substitutions that turn `a` into
// `b` (Levenshtein).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The word of `candidates` nearest to `word` when it is close enough to be a typo of it (at
// most two edits), for "did you mean". None when `word` is one of them, or none is near.
std::optional<std::string_view> nearest_word(std::string_view word,
                                             const std::vector<std::string_view>& candidates);

} // namespace remedy
