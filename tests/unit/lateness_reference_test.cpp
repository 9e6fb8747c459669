// The fast lateness code (binary searches over running totals) against a deliberately slow
// reference that walks the calendar one day at a time, written straight from the contract's
// definitions. The plans are generated to stress the calendar: weekends of 0 to 6 days, long
// shutdowns, holidays on weekend days, overlapping pauses, grace counted on working days, and
// time boxes at both ends of the supported years.

#include "remedy/io/plan_reader.h"
#include "remedy/model/dates.h"
#include "remedy/model/judgement.h"
#include "remedy/model/lateness.h"
#include "test_support.h"

#include <algorithm>
#include <cstdint>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace remedy;

namespace {

constexpr int plans_compared = 10'000;
constexpr std::uint64_t seed = 20261206;

// What the reference needs of a plan, kept as the generator wrote it (not as the reader
// stored it), so that a mistake of the reader is a mistake the comparison can see.
struct Written {
    date::sys_days start;
    int days = 60;
    std::vector<std::pair<int, date::sys_days>> extensions; // days, agreed
    bool calendar = false;
    std::set<unsigned> weekend; // c_encoding: 0 = Sunday
    std::set<date::sys_days> holidays;
    int grace_days = 0;
    bool working = false; // penalties.days = "working"
    struct Pause {
        date::sys_days from, to, agreed;
        std::optional<std::size_t> issue; // the one issue it names, or every issue
    };
    std::vector<Pause> pauses;
    struct Issue {
        date::sys_days due;
        std::optional<date::sys_days> resolved;
        std::optional<date::sys_days> waived; // status = "waived" with this date
    };
    std::vector<Issue> issues;
};

// The contract's definitions, one day at a time.
class Reference {
public:
    Reference(const Written& plan, date::sys_days as_of) : plan_(plan), as_of_(as_of) {}

    bool working(date::sys_days d) const {
        if (!plan_.calendar)
            return true;
        return !plan_.weekend.count(date::weekday{d}.c_encoding()) && !plan_.holidays.count(d);
    }
    date::sys_days roll(date::sys_days d) const {
        while (!working(d))
            d += date::days{1};
        return d;
    }
    date::sys_days deadline() const {
        int days = plan_.days;
        for (const auto& [extra, agreed] : plan_.extensions)
            if (agreed <= as_of_)
                days += extra;
        return roll(plan_.start + date::days{days});
    }
    bool paused(std::size_t issue, date::sys_days d) const {
        for (const Written::Pause& pause : plan_.pauses)
            if (pause.agreed <= as_of_ && (!pause.issue || *pause.issue == issue) &&
                pause.from <= d && d <= pause.to)
                return true;
        return false;
    }
    bool counted(std::size_t issue, date::sys_days d) const {
        return !paused(issue, d) && (!plan_.working || working(d));
    }
    // The running due date moved by each run of paused days that begins on or before it: by
    // its length, or, on a working-day contract, to the n-th working day after it, n the
    // working days of the run (SPEC v3).
    date::sys_days effective_due(std::size_t issue) const {
        std::set<date::sys_days> days;
        for (const Written::Pause& pause : plan_.pauses)
            if (pause.agreed <= as_of_ && (!pause.issue || *pause.issue == issue))
                for (date::sys_days d = pause.from; d <= pause.to; d += date::days{1})
                    days.insert(d);
        date::sys_days due = plan_.issues[issue].due;
        for (auto it = days.begin(); it != days.end();) {
            const date::sys_days first = *it;
            long long length = 0;
            long long working_days = 0;
            while (it != days.end() && *it == first + date::days{length}) {
                working_days += working(*it) ? 1 : 0;
                ++length;
                ++it;
            }
            if (first > due)
                continue;
            if (!plan_.working)
                due += date::days{length};
            for (long long left = working_days; plan_.working && left > 0;) {
                due += date::days{1};
                if (working(due))
                    --left;
            }
        }
        return roll(due);
    }
    date::sys_days grace_end(std::size_t issue) const {
        date::sys_days d = effective_due(issue);
        for (int left = plan_.grace_days; left > 0;) {
            d += date::days{1};
            if (counted(issue, d))
                --left;
        }
        return d;
    }
    date::sys_days end(std::size_t issue) const {
        const Written::Issue& written = plan_.issues[issue];
        if (written.resolved && *written.resolved <= as_of_)
            return *written.resolved;
        if (written.waived && *written.waived <= as_of_)
            return std::min(as_of_, *written.waived);
        return as_of_;
    }
    long long late_days(std::size_t issue) const {
        long long late = 0;
        const date::sys_days last = std::min(end(issue), deadline());
        for (date::sys_days d = grace_end(issue) + date::days{1}; d <= last; d += date::days{1})
            late += counted(issue, d) ? 1 : 0;
        return late;
    }
    std::optional<date::sys_days> missed_on(std::size_t issue) const {
        for (date::sys_days d = grace_end(issue) + date::days{1}; d <= end(issue);
             d += date::days{1})
            if (counted(issue, d))
                return d;
        return std::nullopt;
    }

private:
    const Written& plan_;
    date::sys_days as_of_;
};

class Generator {
public:
    explicit Generator(std::uint64_t seed) : random_(seed) {}

    long between(long low, long high) {
        return low + static_cast<long>(random_() % static_cast<std::uint64_t>(high - low + 1));
    }
    bool chance(int percent) { return between(1, 100) <= percent; }

    // A plan as the reference sees it, and its text.
    std::pair<Written, std::string> plan() {
        Written w;
        const date::sys_days first{first_supported_day};
        const date::sys_days last{last_supported_day};
        // A fifth of the time boxes start on the first supported days, a fifth end near the last.
        const long where = between(1, 5);
        w.days = static_cast<int>(between(1, 60));
        for (long e = between(0, 2); e > 0; --e)
            w.extensions.emplace_back(static_cast<int>(between(1, 30)), date::sys_days{});
        int span = w.days;
        for (const auto& [extra, agreed] : w.extensions)
            span += extra;
        if (where == 1)
            w.start = first + date::days{between(0, 20)};
        else if (where == 2)
            w.start = last - date::days{span + between(0, 40)};
        else
            w.start = date::sys_days{date::year{2026} / 1 / 1} + date::days{between(0, 700)};
        for (auto& [extra, agreed] : w.extensions)
            agreed = w.start + date::days{between(0, w.days)};
        const auto in_box = [&](long low, long high) {
            return w.start + date::days{between(low, high)};
        };
        const auto clamp = [&](date::sys_days d) {
            return std::clamp(d, first, last);
        };

        std::string out = remedy_test::parties;
        out += fmt::format("[timebox]\nstart = {}\ndays = {}\n", iso(w.start), w.days);
        for (const auto& [extra, agreed] : w.extensions)
            out += fmt::format("[[timebox.extension]]\ndays = {}\nagreed = {}\nreason = \"r\"\n",
                               extra, iso(agreed));
        if (chance(80)) {
            w.calendar = true;
            // 0 to 6 weekend days, never all seven.
            for (unsigned d = 0, count = static_cast<unsigned>(between(0, 6));
                 w.weekend.size() < count; d = static_cast<unsigned>(between(0, 6)))
                w.weekend.insert(d);
            static constexpr const char* names[] = {"sun", "mon", "tue", "wed",
                                                    "thu", "fri", "sat"};
            out += "[calendar]\nweekend = [";
            for (unsigned d : w.weekend)
                out += fmt::format("\"{}\", ", names[d]);
            out += "]\n";
            // Scattered holidays (some on weekend days) and sometimes a long shutdown.
            for (long h = between(0, 6); h > 0; --h)
                w.holidays.insert(clamp(in_box(-5, span + 40)));
            if (chance(30)) {
                const date::sys_days from = clamp(in_box(0, span));
                for (long k = 0, length = between(5, 50); k < length; ++k)
                    w.holidays.insert(clamp(from + date::days{k}));
            }
            out += "holidays = [";
            for (date::sys_days d : w.holidays)
                out += iso(d) + ", ";
            out += "]\n";
        }
        w.grace_days = static_cast<int>(chance(25) ? 0 : between(1, 10));
        w.working = chance(60);
        out += fmt::format("[penalties]\ngrace_days = {}\ndays = \"{}\"\n", w.grace_days,
                           w.working ? "working" : "calendar");
        out += "[penalties.per_day]\ncritical = \"10.00\"\n";

        const long issues = between(1, 5);
        for (long i = 0; i < issues; ++i) {
            Written::Issue issue;
            issue.due = in_box(0, span);
            std::string block = fmt::format(
                "[[issue]]\nid = \"I-{}\"\ntitle = \"t\"\npriority = \"critical\"\ndue = {}\n", i,
                iso(issue.due));
            const long status = between(0, 3);
            if (status == 1) {
                issue.resolved = clamp(in_box(0, span + 60));
                block +=
                    fmt::format("status = \"resolved\"\nresolved = {}\n", iso(*issue.resolved));
            } else if (status == 2) {
                issue.waived = in_box(0, w.days);
                block += fmt::format("status = \"waived\"\nwaived = {}\n", iso(*issue.waived));
            }
            w.issues.push_back(issue);
            out += block;
        }
        // Pauses that overlap each other, some for one issue, agreed on their first day or later.
        for (long p = chance(60) ? between(1, 4) : 0; p > 0; --p) {
            Written::Pause pause;
            pause.from = in_box(0, span);
            pause.to =
                std::min(pause.from + date::days{between(0, 20)}, w.start + date::days{span});
            pause.agreed =
                std::min(pause.from + date::days{between(0, 10)}, w.start + date::days{w.days});
            std::string block =
                fmt::format("[[pause]]\nfrom = {}\nto = {}\nagreed = {}\nreason = \"r\"\n",
                            iso(pause.from), iso(pause.to), iso(pause.agreed));
            if (chance(40)) {
                pause.issue = static_cast<std::size_t>(between(0, issues - 1));
                block += fmt::format("issues = [\"I-{}\"]\n", *pause.issue);
            }
            w.pauses.push_back(pause);
            out += block;
        }
        return {w, out};
    }

private:
    static std::string iso(date::sys_days d) { return format_iso_date(d); }
    std::mt19937_64 random_;
};

// An error a plan near the end of the years may rightly get: a date it would write is past
// 9999-12-31.
bool refused_for_the_years(const LoadResult& loaded) {
    for (const Diagnostic& d : loaded.diagnostics)
        if (d.severity == Severity::error && d.message.find("9999-12-31") == std::string::npos)
            return false;
    return true;
}

} // namespace

TEST_SUITE("lateness against a day-by-day reference") {
    TEST_CASE("effective due, grace end, late days and the missed day agree on every plan") {
        Generator generator(seed);
        int compared = 0;
        int refused = 0;
        for (int attempt = 0; compared < plans_compared; ++attempt) {
            REQUIRE(attempt < 2 * plans_compared);
            // Named, not a structured binding: doctest's INFO captures it in a lambda.
            const std::pair<Written, std::string> generated = generator.plan();
            const Written& written = generated.first;
            const std::string& text = generated.second;
            const LoadResult loaded = read_plan(text, "generated.toml");
            if (!loaded.plan) {
                INFO(text);
                INFO(remedy_test::diagnostics_text(loaded));
                REQUIRE(refused_for_the_years(loaded));
                ++refused;
                continue;
            }
            ++compared;
            const Plan& plan = *loaded.plan;
            const date::sys_days last_day{last_supported_day};
            const date::sys_days far = written.start + date::days{150};
            for (const date::sys_days as_of :
                 {written.start,
                  std::min(written.start + date::days{generator.between(1, 90)}, last_day),
                  std::min(far, last_day)}) {
                const Timeline timeline(plan, as_of);
                const Reference reference(written, as_of);
                REQUIRE(timeline.deadline() == reference.deadline());
                for (std::size_t i = 0; i < plan.issues.size(); ++i) {
                    const IssueDates dates = dates_of(timeline, i);
                    INFO(text);
                    INFO("as_of ", format_iso_date(as_of), ", issue I-", i);
                    REQUIRE(format_iso_date(dates.effective_due) ==
                            format_iso_date(reference.effective_due(i)));
                    REQUIRE(format_iso_date(dates.grace_end) ==
                            format_iso_date(reference.grace_end(i)));
                    REQUIRE(late_days(timeline, i, dates) == reference.late_days(i));
                    const std::optional<date::sys_days> missed = missed_on(dates);
                    const std::optional<date::sys_days> expected = reference.missed_on(i);
                    REQUIRE(missed.has_value() == expected.has_value());
                    if (missed)
                        REQUIRE(format_iso_date(*missed) == format_iso_date(*expected));
                }
            }
        }
        MESSAGE(fmt::format("{} plans compared on 3 days each, {} refused for dates past 9999",
                            compared, refused));
    }
}
