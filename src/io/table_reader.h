#pragma once

#include "remedy/model/diagnostic.h"
#include "remedy/model/priority.h"
#include "remedy/model/source.h"
#include "remedy/model/wording.h" // count_text
#include "remedy/util/ascii.h"
#include "remedy/util/enum_names.h"
#include "remedy/util/utf8.h"

#include <array>
#include <cstdint>
#include <date/date.h>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

namespace remedy {

enum class Presence { required, optional };

SourcePos position_of(const toml::source_position& position);
SourceRegion region_of(const toml::source_region& region);

// "issue.title is 4,097 characters long; the limit is 4,096 (docs/limits.md)".
std::string too_long_message(std::string_view what, std::size_t characters, std::size_t limit);

// "string", "integer", "date-time", ... as a person reads them.
std::string_view type_name(const toml::node& node);

// Reads the keys of one TOML table of the plan. Every accessor marks its key as known, checks
// the value's type and rule, reports what is wrong at the value's place, and returns the value
// only when it is valid; `finish` warns about the keys nobody asked for. This is the one place
// where values, their errors and unknown keys are handled, so they read the same everywhere.
//
// The keys the accessors ask for, present or not, are the table's keys: the readers are the
// one list of them. A key the file has and nobody asked for is refused as a likely typo of one
// of them (SPEC.md: "grace_dyas"), else warned about. So a reader asks for each of its keys
// every time, also when the table lacks it; and a key it names must outlive it (a literal, or
// a key of the table).
class TableReader {
public:
    // `name` is the table's dotted name ("timebox.extension"), used in messages.
    TableReader(const toml::table& table, std::string name, const std::string& file,
                Diagnostics& diagnostics);

    // The raw node (marked known), or null when absent; reports a missing required key.
    const toml::node* node(std::string_view key, Presence presence);

    // A one-line string; `Presence::required` also means non-blank. Control characters are
    // refused so that no plan can send escape sequences to a terminal, and so is a string
    // longer than limits::max_line_chars (max_text_chars for `text`).
    std::optional<std::string> line(std::string_view key, Presence presence);
    // Free text that may span lines (notes).
    std::optional<std::string> text(std::string_view key, Presence presence);
    std::optional<std::int64_t> integer(std::string_view key, Presence presence, std::int64_t min,
                                        std::int64_t max);
    std::optional<bool> boolean(std::string_view key, Presence presence);
    // A TOML local date or a quoted "YYYY-MM-DD".
    std::optional<date::sys_days> day(std::string_view key, Presence presence);
    std::optional<Priority> priority(std::string_view key, Presence presence);
    // One of the words of `names`, in any case.
    template <class Enum, std::size_t N>
    std::optional<Enum> choice(std::string_view key, Presence presence,
                               const EnumNames<Enum, N>& names) {
        const std::optional<std::string> word = line(key, presence);
        if (!word)
            return std::nullopt;
        if (const std::optional<Enum> value = names.parse(to_lower_ascii(*word)))
            return value;
        error(position_of(table_.get(key)->source().begin),
              fmt::format("{} must be {}, not '{}'", qualified(key), names.choice_text(), *word));
        return std::nullopt;
    }
    // The elements of an array, at most `max_count` (more is an error at the first one too
    // many); an absent key is an empty list, a value that is not an array an error.
    std::vector<const toml::node*> array(std::string_view key, Presence presence,
                                         std::size_t max_count);
    // An element of an array as a date, or as a one-line string; `what` names it in messages
    // ("calendar.holidays").
    std::optional<date::sys_days> day_of(const toml::node& node, std::string_view what);
    std::optional<std::string> line_of(const toml::node& node, std::string_view what);

    void error(SourcePos pos, std::string message);
    void warning(SourcePos pos, std::string message);
    // "timebox.days": how messages name a key of this table.
    std::string qualified(std::string_view key) const;
    const std::string& name() const { return name_; }
    const toml::table& table() const { return table_; }

    // Refuses every key that no accessor asked for and is a likely typo of one they did (naming
    // the key meant), warns about the others, and returns where each key was.
    SourceMap finish();

private:
    enum class Lines { one, many };
    // The error or warning about a key nobody asked for.
    void unknown_key(std::string_view key, SourcePos pos);
    // How a message names a value: "timebox.days" for a key of this table, or a name given
    // whole ("calendar.holidays"). Joined only when a message needs it: most values of a big
    // plan are valid, and joining every key's name cost a tenth of reading a plan.
    struct ValueName {
        const TableReader* table = nullptr; // null: `key` is the whole name
        std::string_view key;
        std::string text() const { return table ? table->qualified(key) : std::string(key); }
    };
    ValueName name_of(std::string_view key) const { return {this, key}; }

    std::optional<std::string> string_value(std::string_view key, Presence presence, Lines lines);
    // The checks of a string value, wherever it stands.
    std::optional<std::string> checked_string(const toml::node& node, const ValueName& what,
                                              Presence presence, Lines lines);
    std::optional<date::sys_days> checked_day(const toml::node& node, const ValueName& what);

    const toml::table& table_;
    std::string name_;
    const std::string& file_;
    Diagnostics& diagnostics_;
    // The values some accessor asked for: a handful a table, so a vector beats a set of copied
    // key strings (the set cost an allocation per key of every [[issue]]).
    std::vector<const toml::node*> known_;
    // The names the accessors asked for, which a typo is compared with. Inline: the reader of
    // each [[issue]] asks a dozen, and an allocation each would cost more than the reading.
    std::array<std::string_view, 40> asked_{};
    std::size_t asked_count_ = 0;
};

} // namespace remedy
