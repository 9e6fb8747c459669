#pragma once

#include <cstddef>
#include <cstdint>

// The limits remedy puts on what it reads, all in one place; docs/limits.md explains each.
// They are far above any real plan and exist so that a hostile or broken file is refused
// with its place (exit 3) instead of crashing, hanging or being cut short. The dates remedy
// accepts (1900 to 9999) are in dates.h, beside the code that keeps to them.
namespace remedy::limits {

// A plan file larger than this is refused before it is read: 100,000 issues take about
// 20 MB, so this leaves room for ten times as many with long notes.
inline constexpr std::uint64_t max_plan_bytes = 256ull * 1024 * 1024;

// A pipe or FIFO whose writer sends nothing for this long is refused, not waited on forever
// (`-f <(git show HEAD:remedy.toml)` sends its first bytes in milliseconds).
inline constexpr long max_pipe_silence_ms = 10'000;

// Counts of repeated tables and values, checked before any of them is read.
inline constexpr std::size_t max_issues = 1'000'000;
inline constexpr std::size_t max_incidents = 1'000'000;
inline constexpr std::size_t max_extensions = 1'000;
inline constexpr std::size_t max_pauses = 100'000;
inline constexpr std::size_t max_credits = 100'000;
// Days off of a [calendar] (holidays, and the days of the holidays file's events): a century.
inline constexpr std::size_t max_days_off = 36'600;
// RFC 5321 obliges a mail server to accept 100 recipients, and no more.
inline constexpr std::size_t max_cc = 100;

// Lengths of string values, in characters (Unicode code points).
inline constexpr std::size_t max_id_chars = 64;
inline constexpr std::size_t max_line_chars = 4'096;  // names, titles, summaries, reasons
inline constexpr std::size_t max_text_chars = 65'536; // notes, which may span lines

// The parts of one dotted key or table header (`a.b.c` has 3). The TOML library nests a table
// for each part recursively, so a key of tens of thousands of parts would overflow the stack;
// the plan's deepest key has 3. (Arrays and inline tables nested deeper than 256 are refused
// by the TOML library itself.)
inline constexpr std::size_t max_key_parts = 32;

} // namespace remedy::limits
