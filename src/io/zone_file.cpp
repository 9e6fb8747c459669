#include "remedy/io/zone_file.h"

#include "posix_tz.h"

#include <algorithm>
#include <cstdint>
#include <date/tz.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace remedy {

namespace {

// Where Debian's date library (built with USE_OS_TZDB) reads its zones.
constexpr std::string_view zone_dir = "/usr/share/zoneinfo";

// The transitions of one zone: from times[i] on, the offset is offsets[i].
struct ZoneTable {
    bool readable = false;
    bool leap_seconds = false;
    std::vector<std::int64_t> times;
    std::vector<std::int32_t> offsets;
    std::optional<PosixTimeZone> rule_after; // after the last transition: the footer's rule
};

// A name that can only mean a file inside zone_dir, and none that date::locate_zone leaves out
// of its list (hidden files, posix*, right, Factory, the .tab and version files).
bool plain_zone_name(std::string_view name) {
    if (name.empty() || name.size() > 255)
        return false;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find('/', start);
        end = end == std::string_view::npos ? name.size() : end;
        const std::string_view part = name.substr(start, end - start);
        if (part.empty() || part.starts_with("posix") || part == "right" || part == "Factory")
            return false;
        for (char c : part)
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-' || c == '+'))
                return false;
        start = end + 1;
    }
    return true;
}

std::int64_t big_endian(const unsigned char* bytes, int size) {
    std::uint64_t value = 0;
    for (int i = 0; i < size; ++i)
        value = value << 8 | bytes[i];
    if (size == 4)
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
    return static_cast<std::int64_t>(value);
}

// RFC 8536: a header, the version 1 data with 32-bit times, then (version 2 and later) a
// second header and the same data with 64-bit times, which is the one read here.
ZoneTable parse_tzif(const std::vector<unsigned char>& file) {
    ZoneTable table;
    std::size_t at = 0;
    const auto header = [&](std::int64_t(&counts)[6]) {
        if (file.size() < at + 44 || !std::equal(file.begin() + at, file.begin() + at + 4, "TZif"))
            return false;
        for (int i = 0; i < 6; ++i)
            counts[i] = big_endian(&file[at + 20 + 4 * i], 4);
        at += 44;
        return std::all_of(std::begin(counts), std::end(counts),
                           [](std::int64_t n) { return n >= 0 && n < 100000; });
    };
    std::int64_t counts[6]; // isut, isstd, leap, time, type, char
    if (!header(counts))
        return table;
    int time_size = 4;
    if (file[4] >= '2') {
        at += counts[3] * 5 + counts[4] * 6 + counts[5] + counts[2] * 8 + counts[1] + counts[0];
        if (!header(counts))
            return table;
        time_size = 8;
    }
    const auto [isut, isstd, leaps, transitions, types, chars] = counts;
    const std::size_t size = static_cast<std::size_t>(
        transitions * (time_size + 1) + types * 6 + chars + leaps * (time_size + 4) + isstd + isut);
    if (file.size() < at + size || types == 0)
        return table;
    const unsigned char* times = &file[at];
    const unsigned char* indices = times + transitions * time_size;
    const unsigned char* infos = indices + transitions;
    for (std::int64_t i = 0; i < transitions; ++i) {
        if (indices[i] >= types)
            return table;
        table.times.push_back(big_endian(times + i * time_size, time_size));
        table.offsets.push_back(static_cast<std::int32_t>(big_endian(infos + indices[i] * 6, 4)));
    }
    if (transitions == 0) { // one type for all time, as in UTC
        table.times.push_back(INT64_MIN);
        table.offsets.push_back(static_cast<std::int32_t>(big_endian(infos, 4)));
    }
    if (time_size == 8) {
        const auto footer = file.begin() + static_cast<std::ptrdiff_t>(at + size);
        if (footer != file.end() && *footer == '\n') {
            const auto end = std::find(footer + 1, file.end(), '\n');
            if (end != file.end())
                table.rule_after = PosixTimeZone::parse(
                    std::string_view(reinterpret_cast<const char*>(&*footer) + 1,
                                     static_cast<std::size_t>(end - footer - 1)));
        }
    }
    table.leap_seconds = leaps > 0;
    table.readable = std::is_sorted(table.times.begin(), table.times.end());
    return table;
}

// Each zone is read once a run: `remedy history` asks for the same one on every commit.
const ZoneTable& zone_table(std::string_view name) {
    static std::mutex lock;
    static std::map<std::string, ZoneTable, std::less<>> tables;
    const std::lock_guard<std::mutex> guard(lock);
    if (const auto found = tables.find(name); found != tables.end())
        return found->second;
    ZoneTable table;
    if (plain_zone_name(name)) {
        const std::string path = std::string(zone_dir) + '/' + std::string(name);
        std::error_code error;
        if (std::filesystem::is_regular_file(path, error)) {
            std::ifstream in(path, std::ios::binary);
            const std::vector<unsigned char> file((std::istreambuf_iterator<char>(in)),
                                                  std::istreambuf_iterator<char>());
            table = parse_tzif(file);
        }
    }
    return tables.emplace(std::string(name), std::move(table)).first->second;
}

} // namespace

bool is_zone_name(std::string_view name) {
    if (zone_table(name).readable)
        return true;
    try { // the date library decides the cases the files alone do not
        return date::locate_zone(name) != nullptr;
    } catch (const std::exception&) {
        return false;
    }
}

std::optional<std::chrono::seconds> zone_offset(std::string_view name, date::sys_seconds at) {
    const ZoneTable& table = zone_table(name);
    const std::int64_t t = at.time_since_epoch().count();
    if (!table.readable || table.leap_seconds || t < table.times.front())
        return std::nullopt;
    // After the last transition the file's footer, a POSIX TZ rule, governs: the date library
    // keeps the last transition's offset there, which puts a summer letter of 2040 in winter.
    const auto next = std::upper_bound(table.times.begin(), table.times.end(), t);
    if (next == table.times.end() && table.times.front() != INT64_MIN) {
        if (table.rule_after)
            return std::chrono::seconds{table.rule_after->offset_at(t)};
        return std::nullopt;
    }
    return std::chrono::seconds{
        table.offsets[static_cast<std::size_t>(std::distance(table.times.begin(), next) - 1)]};
}

} // namespace remedy
