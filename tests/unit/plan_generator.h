#pragma once

// Random valid plans for the property tests, from a seeded generator so that every run (and
// every machine) sees the same plans. A plan is written as TOML and read by the real reader, so
// each one has passed every rule of the format.

#include "remedy/model/dates.h"

#include <algorithm>
#include <cstdint>
#include <date/date.h>
#include <fmt/format.h>
#include <random>
#include <string>
#include <vector>

namespace remedy_test {

class PlanGenerator {
public:
    explicit PlanGenerator(std::uint64_t seed) : random_(seed) {}

    // A number in [low, high]; the modulo keeps the sequence the same on every standard library
    // (std::uniform_int_distribution is not specified bit for bit).
    long between(long low, long high) {
        return low + static_cast<long>(random_() % static_cast<std::uint64_t>(high - low + 1));
    }
    bool chance(int percent) { return between(1, 100) <= percent; }

    // The parts of a generated plan: the tables before the issues, then one block per issue
    // and per incident, so that a test can write them in another order.
    struct Parts {
        std::string head;
        std::vector<std::string> issues;
        std::vector<std::string> incidents;
        std::vector<std::string> pauses;
        date::sys_days start;
        int days = 60;                       // timebox.days
        int span = 60;                       // days + every extension: the deadline is start + span
        std::vector<bool> open;              // per issue: its file status is open (no status line)
        date::sys_days last_interesting_day; // after it, nothing in the plan changes any more

        std::string text() const { return text_in_order(issues, incidents); }
        std::string text_in_order(const std::vector<std::string>& issue_blocks,
                                  const std::vector<std::string>& incident_blocks) const {
            std::string out = head;
            for (const std::string& block : issue_blocks)
                out += block;
            for (const std::string& block : incident_blocks)
                out += block;
            for (const std::string& block : pauses)
                out += block;
            return out;
        }
    };

    Parts plan() {
        Parts parts;
        const date::sys_days start =
            date::sys_days{date::year{2026} / date::January / 1} + date::days{between(0, 300)};
        parts.start = start;
        const int days = static_cast<int>(between(1, 60));
        parts.days = days;
        std::string& out = parts.head;
        out = "[client]\nname = \"Client\"\n[provider]\nname = \"Provider\"\n";
        out += fmt::format("[contract]\nmonthly_fee = \"{}\"\n", money(1, 5'000'000));
        out += fmt::format("[timebox]\nstart = {}\ndays = {}\n", iso(start), days);
        int extension_days = 0;
        for (long e = between(0, 2); e > 0; --e) {
            const int extra = static_cast<int>(between(1, 15));
            extension_days += extra;
            out += fmt::format("[[timebox.extension]]\ndays = {}\nagreed = {}\nreason = \"r\"\n",
                               extra, iso(start + date::days{between(0, days)}));
        }
        const int span = days + extension_days; // start + span is the deadline
        parts.span = span;
        // A calendar sometimes: the deadline and due dates roll to working days, which can
        // only make them later, so every date below stays inside the time box.
        if (chance(30)) {
            out += "[calendar]\n";
            if (chance(30))
                out += chance(50) ? "weekend = []\n" : "weekend = [\"fri\", \"Sat\"]\n";
            out += "holidays = [";
            for (long h = between(0, 3); h > 0; --h)
                out += iso(start + date::days{between(0, span)}) + (h > 1 ? ", " : "");
            out += "]\n";
        }
        int grace_days = 0;
        if (chance(85)) {
            grace_days = static_cast<int>(between(0, 5));
            out += fmt::format("[penalties]\ngrace_days = {}\n", grace_days);
            if (chance(30))
                out += "days = \"working\"\n";
            if (chance(60))
                out +=
                    fmt::format("cap = \"{}\"\n", chance(50) ? money(1, 2'000'000)
                                                             : fmt::format("{}%", between(1, 40)));
            out += fmt::format("terminate_at_cap = {}\n", chance(50));
            for (const char* table : {"per_day", "per_miss"}) {
                out += fmt::format("[penalties.{}]\n", table);
                for (const char* priority : priorities)
                    if (chance(60))
                        out += fmt::format("{} = \"{}\"\n", priority,
                                           chance(80) ? money(0, 100'000)
                                                      : fmt::format("{}%", between(0, 5)));
            }
        }
        if (chance(60))
            out += fmt::format("[ultimatum]\nissued = {}\nstrikes = {}\nseverity = \"{}\"\n",
                               iso(start + date::days{between(0, span)}), between(1, 3),
                               priorities[between(0, 3)]);
        for (long i = 0, count = between(0, 12); i < count; ++i) {
            const date::sys_days due = start + date::days{between(0, span)};
            std::string block = fmt::format(
                "[[issue]]\nid = \"I-{}\"\ntitle = \"issue {}\"\npriority = \"{}\"\ndue = {}\n", i,
                i, priorities[between(0, 3)], iso(due));
            const long status = between(0, 3);
            if (status == 1)
                block += "status = \"in_progress\"\n";
            else if (status == 2)
                block += fmt::format("status = \"resolved\"\nresolved = {}\n",
                                     iso(start + date::days{between(0, span + 30)}));
            else if (status == 3)
                block += chance(50) ? "status = \"waived\"\n"
                                    : fmt::format("status = \"waived\"\nwaived = {}\n",
                                                  iso(start + date::days{between(0, span)}));
            parts.open.push_back(status == 0);
            parts.issues.push_back(block);
        }
        for (long i = 0, count = between(0, 5); i < count; ++i) {
            std::string block = fmt::format(
                "[[incident]]\ndate = {}\npriority = \"{}\"\nsummary = \"incident {}\"\n",
                iso(start + date::days{between(0, span + 20)}), priorities[between(0, 3)], i);
            if (chance(20))
                block += chance(50) ? "status = \"disputed\"\ndispute = \"not ours\"\n"
                                    : "status = \"withdrawn\"\ndispute = \"a duplicate\"\n";
            parts.incidents.push_back(block);
        }
        if (chance(25))
            for (long k = between(1, 2); k > 0; --k) {
                const date::sys_days from = start + date::days{between(0, span)};
                // A pause ends by the deadline with every extension (start + span, or later
                // when rolled).
                const date::sys_days to =
                    std::min(from + date::days{between(0, 5)}, start + date::days{span});
                std::string block = fmt::format(
                    "[[pause]]\nfrom = {}\nto = {}\nreason = \"freeze\"\n", iso(from), iso(to));
                if (!parts.issues.empty() && chance(50))
                    block += fmt::format("issues = [\"I-{}\"]\n",
                                         between(0, static_cast<long>(parts.issues.size()) - 1));
                const date::sys_days agreed = from + date::days{between(0, 10)};
                if (agreed <= start + date::days{span})
                    block += fmt::format("agreed = {}\n", iso(agreed));
                parts.pauses.push_back(block);
            }
        // Grace counted on working days, past pauses, can end weeks after due + grace_days.
        parts.last_interesting_day = start + date::days{span + 3 * grace_days + 45};
        return parts;
    }

    // The same blocks in a random order.
    std::vector<std::string> shuffled(std::vector<std::string> blocks) {
        for (std::size_t i = blocks.size(); i > 1; --i)
            std::swap(blocks[i - 1],
                      blocks[static_cast<std::size_t>(between(0, static_cast<long>(i) - 1))]);
        return blocks;
    }

private:
    static constexpr const char* priorities[] = {"low", "medium", "high", "critical"};

    std::string money(long low_cents, long high_cents) {
        const long cents = between(low_cents, high_cents);
        return fmt::format("{}.{:02}", cents / 100, cents % 100);
    }
    static std::string iso(date::sys_days day) { return remedy::format_iso_date(day); }

    std::mt19937_64 random_;
};

} // namespace remedy_test
