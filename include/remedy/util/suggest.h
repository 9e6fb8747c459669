#pragma once

#include <cstddef>
#include <optional>
#include <span>
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

// Whether `typed` is a likely typo of the key `known` (SPEC.md, unknown keys): another word at
// most one edit away when `known` has up to four characters, two when it is longer, or the same
// letters in another order ("grace_dyas" for "grace_days").
bool is_likely_typo(std::string_view typed, std::string_view known);

// The key of `known` that `typed` is most likely a typo of (the fewest edits; the first listed
// of equals), or none.
std::optional<std::string_view> likely_typo_of(std::string_view typed,
                                               std::span<const std::string_view> known);

} // namespace remedy
