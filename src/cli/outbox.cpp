#include "outbox.h"

#include "remedy/io/write_all.h"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>

namespace remedy {

std::string outbox_name(const std::string& plan_file, const std::vector<std::string>& taken) {
    std::vector<std::string> parts;
    std::string part;
    for (std::size_t i = 0; i <= plan_file.size(); ++i) {
        if (i < plan_file.size() && plan_file[i] != '/') {
            const auto c = static_cast<unsigned char>(plan_file[i]);
            part += c < 0x20 || c == 0x7f ? '_' : plan_file[i];
            continue;
        }
        if (!part.empty() && part != "." && part != "..")
            parts.push_back(part);
        part.clear();
    }
    // The file's own name says nothing when it is remedy.toml in a folder of its own.
    if (parts.size() > 1 && parts.back() == "remedy.toml")
        parts.pop_back();
    else if (!parts.empty() && parts.back().size() > 5 && parts.back().ends_with(".toml"))
        parts.back().resize(parts.back().size() - 5);
    std::string base = parts.empty() ? "remedy" : fmt::format("{}", fmt::join(parts, "-"));
    std::string name = base + ".eml";
    for (int n = 2; std::find(taken.begin(), taken.end(), name) != taken.end(); ++n)
        name = fmt::format("{}-{}.eml", base, n);
    return name;
}

Expected<void> write_outbox(const std::string& folder, std::string_view kind,
                            const std::vector<OutboxLetter>& letters,
                            std::vector<std::string>& notes) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec)
        return fail(fmt::format("cannot make the outbox {}: {}", folder, ec.message()));
    std::vector<std::string> taken;
    std::size_t written = 0;
    std::string failed;
    for (const OutboxLetter& letter : letters) {
        if (!letter.message) {
            notes.push_back(
                fmt::format("no {} letter for {}: {}", kind, letter.plan_file, letter.refused));
            continue;
        }
        taken.push_back(outbox_name(letter.plan_file, taken));
        const std::string path = (std::filesystem::path(folder) / taken.back()).string();
        if (const Expected<void> done = write_output(path, *letter.message); !done) {
            notes.push_back(done.error());
            failed = done.error();
            continue;
        }
        ++written;
        notes.push_back(
            fmt::format("{} letter for {} written to {}", kind, letter.plan_file, path));
    }
    notes.push_back(
        fmt::format("{} of {} {} letters written to {}", written, letters.size(), kind, folder));
    if (!failed.empty())
        return fail(failed);
    return {};
}

} // namespace remedy
