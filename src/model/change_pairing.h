#pragma once

// Pairing the items of two versions of a list (incidents, extensions, pauses, credits) that are
// the same fact, by keys: private to the model's comparisons (change_list.h).

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace remedy {

// What two items share when a test takes them for the same fact; none when the test cannot
// tell for this item (an incident without an id is never paired by its id).
template <class Item> using PairKey = std::optional<std::string> (*)(const Item&);

// Values joined into one key that no other values give: each prefixed with its length.
inline std::string key_of(std::initializer_list<std::string_view> parts) {
    std::string key;
    for (std::string_view part : parts) {
        key += std::to_string(part.size());
        key += ':';
        key += part;
    }
    return key;
}

// Pairs the items of `before` and `after` that are the same fact: by each key in turn (the most
// telling first), an item of `after`, in order, takes the first unpaired item of `before` with
// its key. Returns, for each item of `after`, the index of its partner in `before` or -1.
// Linear in the items for each key: items are found by key, never compared pair by pair, so
// that 10,000 reordered incidents pair as fast as 10 do.
template <class Item>
std::vector<int> pair_up(const std::vector<Item>& before, const std::vector<Item>& after,
                         std::initializer_list<PairKey<Item>> keys) {
    std::vector<int> partner(after.size(), -1);
    std::vector<bool> taken(before.size(), false);
    struct Waiting {
        std::vector<std::size_t> items; // indexes into `before`, in order
        std::size_t next = 0;           // the first that may still be free
    };
    for (PairKey<Item> key : keys) {
        std::unordered_map<std::string, Waiting> waiting;
        bool indexed = false;
        for (std::size_t a = 0; a < after.size(); ++a) {
            if (partner[a] >= 0)
                continue;
            const std::optional<std::string> wanted = key(after[a]);
            if (!wanted)
                continue;
            // The same position first, so that an unchanged list costs one pass and no index.
            if (a < before.size() && !taken[a]) {
                const std::optional<std::string> there = key(before[a]);
                if (there && *there == *wanted) {
                    partner[a] = static_cast<int>(a);
                    taken[a] = true;
                    continue;
                }
            }
            if (!indexed) {
                for (std::size_t b = 0; b < before.size(); ++b)
                    if (!taken[b])
                        if (std::optional<std::string> k = key(before[b]))
                            waiting[std::move(*k)].items.push_back(b);
                indexed = true;
            }
            const auto found = waiting.find(*wanted);
            if (found == waiting.end())
                continue;
            Waiting& queue = found->second;
            while (queue.next < queue.items.size() && taken[queue.items[queue.next]])
                ++queue.next;
            if (queue.next == queue.items.size())
                continue;
            const std::size_t b = queue.items[queue.next++];
            partner[a] = static_cast<int>(b);
            taken[b] = true;
        }
    }
    return partner;
}

// Calls `paired(before, after)` for each pair, `added(after)` and `removed(before)` for the rest.
template <class Item, class Paired, class Added, class Removed>
void each_pair(const std::vector<Item>& before, const std::vector<Item>& after,
               const std::vector<int>& partner, Paired paired, Added added, Removed removed) {
    std::vector<bool> kept(before.size(), false);
    for (std::size_t a = 0; a < after.size(); ++a)
        if (partner[a] >= 0) {
            kept[static_cast<std::size_t>(partner[a])] = true;
            paired(before[static_cast<std::size_t>(partner[a])], after[a]);
        } else {
            added(after[a]);
        }
    for (std::size_t b = 0; b < before.size(); ++b)
        if (!kept[b])
            removed(before[b]);
}

} // namespace remedy
