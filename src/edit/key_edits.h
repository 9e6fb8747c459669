#pragma once

// The edits every change to a plan is made of: a value replaced where it is, a key added after
// the table's last one, a key's line removed, a table appended. Private to the edit layer.

#include "remedy/edit/text_edit.h"
#include "remedy/model/plan.h"
#include "remedy/model/source.h"
#include "remedy/util/expected.h"

#include <cstddef>
#include <date/date.h>
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

// Whether the table `name` (a dotted name, as "penalties") was opened by a header of its own,
// "[penalties]": a table made only by its sub-tables' headers ("[penalties.per_day]") has no
// line a new key of its own could follow.
bool has_own_header(std::string_view text, const SourceMap& where, std::string_view name);

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

// The issue `id` names, in any case (find_issue_index).
Expected<const Issue*> find_issue(const Plan& plan, std::string_view id);

// The edit that adds "2026-10-19, resolved: NOTE" to the `notes` of a table (an issue or an
// incident) on a line of its own; none when `note` is empty.
std::optional<TextEdit> note_edit(std::string_view text, const SourceMap& where,
                                  std::string_view notes, date::sys_days day,
                                  std::string_view event, std::string_view note);

// A [[pause]] table's lines and where it goes: after the last pause, else at the end.
TextEdit pause_table(const Plan& plan, std::string_view text,
                     const std::vector<std::string>& lines);

} // namespace remedy
