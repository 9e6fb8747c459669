#include "remedy/model/source.h"

#include <array>
#include <deque>
#include <mutex>
#include <unordered_set>

namespace remedy {

std::string_view interned_key(std::string_view key) {
    // A hash set of views into a deque, whose elements never move, so the views stay valid for
    // the whole run. Hashed rather than ordered: every key of every [[issue]] is looked up here.
    static std::mutex lock;
    static std::deque<std::string> names;
    static std::unordered_set<std::string_view> keys;
    // Each thread first asks the views it was last given, without the lock and without a hash
    // of the whole name: plans judged in parallel repeat the same dozen names, and would
    // otherwise queue at the lock.
    thread_local std::array<std::string_view, 64> recent{};
    std::string_view& slot =
        recent[(key.size() * 31 + (key.empty() ? 0U : key.front() * 7U + key.back())) %
               recent.size()];
    if (slot == key && slot.data() != nullptr)
        return slot;
    const std::lock_guard<std::mutex> guard(lock);
    auto it = keys.find(key);
    if (it == keys.end())
        it = keys.insert(names.emplace_back(key)).first;
    slot = *it;
    return slot;
}

} // namespace remedy
