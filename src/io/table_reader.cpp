#include "table_reader.h"

#include "remedy/io/limits.h"
#include "remedy/model/dates.h"
#include "remedy/model/money.h"
#include "remedy/util/suggest.h"
#include "remedy/util/utf8.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>

namespace remedy {

SourcePos position_of(const toml::source_position& position) {
    return SourcePos{position.line, position.column};
}

SourceRegion region_of(const toml::source_region& region) {
    return SourceRegion{position_of(region.begin), position_of(region.end)};
}

namespace {

// The bytes that may be, or start, a control character: C0, DEL, and 0xC2, which leads the C1
// controls U+0080..U+009F (and other characters).
constexpr std::array<bool, 256> maybe_control = [] {
    std::array<bool, 256> control{};
    for (int c = 0; c < 0x20; ++c)
        control[static_cast<std::size_t>(c)] = true;
    control[0x7f] = true;
    control[0xC2] = true;
    return control;
}();

} // namespace

std::string too_long_message(std::string_view what, std::size_t characters, std::size_t limit) {
    return fmt::format("{} is {} characters long; the limit is {} (docs/limits.md)", what,
                       count_text(characters), count_text(limit));
}

std::string_view type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a float";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    case toml::node_type::none:
        break;
    }
    return "nothing";
}

TableReader::TableReader(const toml::table& table, std::string name, const std::string& file,
                         Diagnostics& diagnostics)
    : table_(table), name_(std::move(name)), file_(file), diagnostics_(diagnostics) {
    // Each accessor marks at most one key: one allocation, not one per doubling.
    known_.reserve(table.size());
}

std::string TableReader::qualified(std::string_view key) const {
    return name_.empty() ? std::string(key) : fmt::format("{}.{}", name_, key);
}

void TableReader::error(SourcePos pos, std::string message) {
    diagnostics_.push_back({Severity::error, file_, pos, std::move(message)});
}

void TableReader::warning(SourcePos pos, std::string message) {
    diagnostics_.push_back({Severity::warning, file_, pos, std::move(message)});
}

const toml::node* TableReader::node(std::string_view key, Presence presence) {
    // More names than any table of remedy's has come only from tables whose keys are the
    // file's own (rates by priority): no typo is looked for among those.
    if (asked_count_ < asked_.size())
        asked_[asked_count_++] = key;
    const toml::node* found = table_.get(key);
    if (found)
        known_.push_back(found);
    if (!found && presence == Presence::required)
        error(position_of(table_.source().begin),
              fmt::format("missing required key {}", qualified(key)));
    return found;
}

std::optional<std::string> TableReader::string_value(std::string_view key, Presence presence,
                                                     Lines lines) {
    const toml::node* found = node(key, presence);
    if (!found)
        return std::nullopt;
    return checked_string(*found, name_of(key), presence, lines);
}

std::optional<std::string> TableReader::checked_string(const toml::node& found,
                                                       const ValueName& what, Presence presence,
                                                       Lines lines) {
    const bool multi_line = lines == Lines::many;
    const SourcePos pos = position_of(found.source().begin);
    const auto* value = found.as_string();
    if (!value) {
        error(pos, fmt::format("{} must be a string, not {}", what.text(), type_name(found)));
        return std::nullopt;
    }
    const std::string& text = value->get();
    // Every string of a big plan goes through here: one branch-free pass notes whether there is
    // any control byte at all; only then (tabs, the newlines of notes) is each one checked
    // against the rule.
    bool any_control = false;
    for (unsigned char c : text)
        any_control |= maybe_control[c];
    if (any_control) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            const bool allowed_space = c == '\t' || (multi_line && (c == '\n' || c == '\r'));
            const bool c1 =
                c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0x9F;
            if ((c < 0x20 || c == 0x7f || c1) && !allowed_space) {
                error(pos, fmt::format("{} contains a control character (code {}); remove it",
                                       what.text(),
                                       c1 ? static_cast<unsigned char>(text[i + 1]) : int{c}));
                return std::nullopt;
            }
        }
    }
    // Refused rather than cut: a shortened title or reason would say something else.
    const std::size_t max_chars = multi_line ? limits::max_text_chars : limits::max_line_chars;
    // A text no longer in bytes than the limit is within it in characters: only a long one is
    // counted.
    const std::size_t characters = text.size() > max_chars ? character_count(text) : text.size();
    if (characters > max_chars) {
        error(pos, too_long_message(what.text(), characters, max_chars));
        return std::nullopt;
    }
    if (presence == Presence::required && text.find_first_not_of(" \t\r\n") == std::string::npos) {
        error(pos, fmt::format("{} must not be empty or blank", what.text()));
        return std::nullopt;
    }
    return text;
}

std::optional<std::string> TableReader::line(std::string_view key, Presence presence) {
    return string_value(key, presence, Lines::one);
}

std::optional<std::string> TableReader::text(std::string_view key, Presence presence) {
    return string_value(key, presence, Lines::many);
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, Presence presence,
                                                 std::int64_t min, std::int64_t max) {
    const toml::node* found = node(key, presence);
    if (!found)
        return std::nullopt;
    const SourcePos pos = position_of(found->source().begin);
    const auto* value = found->as_integer();
    if (!value) {
        error(pos, fmt::format("{} must be an integer, not {}", qualified(key), type_name(*found)));
        return std::nullopt;
    }
    const std::int64_t number = value->get();
    if (number < min || number > max) {
        error(pos, fmt::format("{} must be between {} and {}, not {}", qualified(key), min, max,
                               number));
        return std::nullopt;
    }
    return number;
}

std::optional<bool> TableReader::boolean(std::string_view key, Presence presence) {
    const toml::node* found = node(key, presence);
    if (!found)
        return std::nullopt;
    const auto* value = found->as_boolean();
    if (!value) {
        error(position_of(found->source().begin),
              fmt::format("{} must be true or false, not {}", qualified(key), type_name(*found)));
        return std::nullopt;
    }
    return value->get();
}

std::optional<date::sys_days> TableReader::day(std::string_view key, Presence presence) {
    const toml::node* found = node(key, presence);
    if (!found)
        return std::nullopt;
    return checked_day(*found, name_of(key));
}

std::optional<date::sys_days> TableReader::day_of(const toml::node& found, std::string_view what) {
    return checked_day(found, ValueName{nullptr, what});
}

std::optional<date::sys_days> TableReader::checked_day(const toml::node& found,
                                                       const ValueName& what) {
    const SourcePos pos = position_of(found.source().begin);
    if (const auto* value = found.as_date()) {
        const toml::date& d = value->get();
        const date::sys_days day{date::year{d.year} / date::month{d.month} / date::day{d.day}};
        if (!is_supported_day(day)) {
            error(pos, fmt::format("{} is outside the supported years 1900 to 9999", what.text()));
            return std::nullopt;
        }
        return day;
    }
    if (const auto* value = found.as_string()) {
        const Expected<date::sys_days> day = parse_iso_date(value->get());
        if (!day) {
            error(pos, fmt::format("{}: {}", what.text(), day.error()));
            return std::nullopt;
        }
        return *day;
    }
    error(pos, fmt::format("{} must be a date such as 2026-10-01, not {}", what.text(),
                           type_name(found)));
    return std::nullopt;
}

std::optional<std::string> TableReader::line_of(const toml::node& found, std::string_view what) {
    return checked_string(found, ValueName{nullptr, what}, Presence::required, Lines::one);
}

std::vector<const toml::node*> TableReader::array(std::string_view key, Presence presence,
                                                  std::size_t max_count) {
    std::vector<const toml::node*> elements;
    const toml::node* found = node(key, presence);
    if (!found)
        return elements;
    const toml::array* list = found->as_array();
    if (!list) {
        error(position_of(found->source().begin),
              fmt::format("{} must be an array, not {}", qualified(key), type_name(*found)));
        return elements;
    }
    if (list->size() > max_count) {
        error(position_of(list->get(max_count)->source().begin),
              fmt::format("{} has more than {} entries, the limit (docs/limits.md)", qualified(key),
                          count_text(max_count)));
        return elements;
    }
    for (const toml::node& element : *list)
        elements.push_back(&element);
    return elements;
}

std::optional<Priority> TableReader::priority(std::string_view key, Presence presence) {
    const std::optional<std::string> text = line(key, presence);
    if (!text)
        return std::nullopt;
    const std::optional<Priority> priority = parse_priority(*text);
    if (!priority)
        error(position_of(table_.get(key)->source().begin),
              fmt::format("{} must be low, medium, high or critical (or P4..P1), not '{}'",
                          qualified(key), *text));
    return priority;
}

void TableReader::unknown_key(std::string_view key, SourcePos pos) {
    const std::optional<std::string_view> meant =
        likely_typo_of(key, std::span(asked_.data(), asked_count_));
    if (!meant) {
        warning(pos, fmt::format("unknown key {} is ignored", qualified(key)));
        return;
    }
    error(pos, fmt::format("unknown key {}: did you mean {}? A key this close to one of remedy's "
                           "is refused as a likely typo; correct it, or give your own key a name "
                           "further from {}",
                           qualified(key), qualified(*meant), *meant));
}

SourceMap TableReader::finish() {
    SourceMap where;
    where.table = region_of(table_.source());
    where.keys.reserve(table_.size());
    for (auto&& [key, value] : table_) {
        const SourceRegion key_region = region_of(key.source());
        if (std::find(known_.begin(), known_.end(), &value) == known_.end())
            unknown_key(key.str(), key_region.begin);
        where.keys.emplace(key.str(), SourceMap::Entry{key_region, region_of(value.source())});
    }
    return where;
}

} // namespace remedy
