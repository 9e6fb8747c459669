#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace remedy {

// A place in the plan file, 1-based; line 0 means "no place".
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

// Where a TOML table and each of its keys were written. Diagnostics point at these places,
// and an edit of one value can find the exact bytes to change.
struct SourceMap {
    struct Entry {
        SourceRegion key;
        SourceRegion value;
    };

    SourceRegion table;
    std::map<std::string, Entry, std::less<>> keys;

    // The place of the value of `key`, or of the table when the key is absent.
    SourcePos value_of(std::string_view key) const {
        auto it = keys.find(key);
        return it == keys.end() ? table.begin : it->second.value.begin;
    }
};

} // namespace remedy
