#include "remedy/util/suggest.h"

#include <algorithm>

namespace remedy {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::optional<std::string_view> nearest_word(std::string_view word,
                                             const std::vector<std::string_view>& candidates) {
    std::optional<std::string_view> nearest;
    std::size_t best = 3; // farther than two edits is no longer a typo
    for (std::string_view candidate : candidates) {
        if (candidate == word)
            return std::nullopt;
        if (const std::size_t distance = edit_distance(word, candidate); distance < best) {
            best = distance;
            nearest = candidate;
        }
    }
    return nearest;
}

bool is_likely_typo(std::string_view typed, std::string_view known) {
    if (typed == known)
        return false;
    const std::size_t allowed = known.size() <= 4 ? 1 : 2;
    // Cheap first: words whose lengths differ by more than the edits allowed are not near.
    const std::size_t length_gap =
        typed.size() > known.size() ? typed.size() - known.size() : known.size() - typed.size();
    if (length_gap == 0 && std::is_permutation(typed.begin(), typed.end(), known.begin()))
        return true;
    return length_gap <= allowed && edit_distance(typed, known) <= allowed;
}

std::optional<std::string_view> likely_typo_of(std::string_view typed,
                                               std::span<const std::string_view> known) {
    std::optional<std::string_view> meant;
    std::size_t fewest = 0;
    for (std::string_view candidate : known) {
        if (!is_likely_typo(typed, candidate))
            continue;
        const std::size_t edits = edit_distance(typed, candidate);
        if (!meant || edits < fewest) {
            meant = candidate;
            fewest = edits;
        }
    }
    return meant;
}

} // namespace remedy
