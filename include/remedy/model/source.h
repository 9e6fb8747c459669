#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace remedy {

// A place in the plan file, 1-based; line 0 means "no place", column 0 "the whole line".
struct SourcePos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    bool known() const { return line != 0; }
};

// Where a piece of the file starts and ends, as toml++ reports it.
struct SourceRegion {
    SourcePos begin;
    SourcePos end;
};

// Where one key and its value were written.
struct SourceEntry {
    SourceRegion key;
    SourceRegion value;
};

// The one copy of a key name that every SourceKeys holding it points to: a plan repeats the
// same few names in every [[issue]].
std::string_view interned_key(std::string_view key);

// The keys of one table and where each was written, in key order. A sorted vector of interned
// names: a std::map of strings cost an allocated node per key of every [[issue]], most of a big
// plan's memory after toml++.
class SourceKeys {
public:
    using value_type = std::pair<std::string_view, SourceEntry>;
    using const_iterator = std::vector<value_type>::const_iterator;

    const_iterator begin() const { return entries_.begin(); }
    const_iterator end() const { return entries_.end(); }
    const_iterator find(std::string_view key) const {
        const auto it = lower_bound(key);
        return it != entries_.end() && it->first == key ? it : entries_.end();
    }
    std::size_t count(std::string_view key) const { return find(key) == end() ? 0 : 1; }
    void reserve(std::size_t size) { entries_.reserve(size); }
    // Adds `key` unless it is there; toml++ hands keys over in order, so this appends (checked
    // first, without a search).
    void emplace(std::string_view key, SourceEntry entry) {
        if (entries_.empty() || entries_.back().first < key) {
            entries_.emplace_back(interned_key(key), entry);
            return;
        }
        const auto it = lower_bound(key);
        if (it == entries_.end() || it->first != key)
            entries_.emplace(it, interned_key(key), entry);
    }

private:
    const_iterator lower_bound(std::string_view key) const {
        return std::lower_bound(
            entries_.begin(), entries_.end(), key,
            [](const value_type& entry, std::string_view k) { return entry.first < k; });
    }

    std::vector<value_type> entries_;
};

// Where a TOML table and each of its keys were written. Diagnostics point at these places,
// and an edit of one value can find the exact bytes to change.
struct SourceMap {
    using Entry = SourceEntry;

    SourceRegion table;
    SourceKeys keys;

    // The place of the value of `key`, or of the table when the key is absent.
    SourcePos value_of(std::string_view key) const {
        auto it = keys.find(key);
        return it == keys.end() ? table.begin : it->second.value.begin;
    }
};

} // namespace remedy
