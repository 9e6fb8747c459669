#include "remedy/model/source.h"

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
    const std::lock_guard<std::mutex> guard(lock);
    auto it = keys.find(key);
    if (it == keys.end())
        it = keys.insert(names.emplace_back(key)).first;
    return *it;
}

} // namespace remedy
