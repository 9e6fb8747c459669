#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace remedy {

// The words of an enumeration, written once: its name for every value, parsing back, and the
// list a command line offers and completes. Every enum that appears in a plan, an output or an
// option keeps its words in one of these tables.
template <class Enum, std::size_t N> class EnumNames {
public:
    constexpr explicit EnumNames(std::array<std::pair<Enum, std::string_view>, N> entries)
        : entries_(entries) {}

    // The word of `value`; "?" only for a value outside the table, which is a bug.
    constexpr std::string_view name(Enum value) const {
        for (const auto& [entry, word] : entries_)
            if (entry == value)
                return word;
        return "?";
    }

    // The value whose word is exactly `text`.
    constexpr std::optional<Enum> parse(std::string_view text) const {
        for (const auto& [entry, word] : entries_)
            if (word == text)
                return entry;
        return std::nullopt;
    }

    // Every word, in the table's order.
    std::vector<std::string> words() const {
        std::vector<std::string> out;
        for (const auto& entry : entries_)
            out.emplace_back(entry.second);
        return out;
    }

    // "a, b or c": the words for a message.
    std::string choice_text() const {
        std::string out;
        for (std::size_t i = 0; i < N; ++i) {
            out += i == 0 ? "" : i + 1 == N ? " or " : ", ";
            out += entries_[i].second;
        }
        return out;
    }

    constexpr const auto& entries() const { return entries_; }

private:
    std::array<std::pair<Enum, std::string_view>, N> entries_;
};

} // namespace remedy
