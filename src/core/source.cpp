#include "remedy/source.h"

#include <mutex>
#include <set>

namespace remedy {

std::string_view interned_key(std::string_view key) {
    // Nodes of a set never move, so the views stay valid for the whole run.
    static std::mutex lock;
    static std::set<std::string, std::less<>> keys;
    const std::lock_guard<std::mutex> guard(lock);
    auto it = keys.find(key);
    if (it == keys.end())
        it = keys.emplace(key).first;
    return *it;
}

} // namespace remedy
