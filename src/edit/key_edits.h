#pragma once

// The edits every change to a plan is made of: a value replaced where it is, a key added after
// the table's last one, a key's line removed, a table appended. Private to the edit layer.

#include "remedy/edit/text_edit.h"
#include "remedy/model/source.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace remedy {

// The region of `key`'s value as byte offsets.
std::pair<std::size_t, std::size_t> value_bytes(std::string_view text, const SourceMap& where,
                                                std::string_view key);

// The start of the line after the table's last key (or its header): where a new key goes.
std::size_t after_last_key(std::string_view text, const SourceMap& where);

// A string written the way the value it replaces was quoted, when that is possible.
std::string string_like(std::string_view existing, std::string_view value);

// The first byte of `key`'s value ("'" or '"' for a string), empty when the key is absent: what
// string_like needs to keep the file's quoting.
std::string quoting_of(std::string_view text, const SourceMap& where, std::string_view key);

// `key = literal` in the table: the value replaced where it is, or a new line after the
// table's last key, indented like it.
TextEdit set_key(std::string_view text, const SourceMap& where, std::string_view key,
                 const std::string& literal);

// The line of `key`, removed whole (with its comment and line ending); none when absent.
std::optional<TextEdit> remove_key(std::string_view text, const SourceMap& where,
                                   std::string_view key);

// A new table appended at the end of the file, after a blank line, in the file's line endings;
// a file without a final newline keeps none.
TextEdit append_table(std::string_view text, const std::vector<std::string>& lines);

// The same, placed after the last table of `after` (and every table of `others`) instead of at
// the end: a new [[timebox.extension]] goes after the time box's, a new [[pause]] after the
// last pause, so that tables of a kind stay together.
TextEdit insert_table_after(std::string_view text, const std::vector<const SourceMap*>& after,
                            const std::vector<std::string>& lines);

} // namespace remedy
