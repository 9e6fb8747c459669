#include "version_walk.h"

#include <fmt/format.h>

namespace remedy {

namespace {

// Why a commit holds no plan to read at its path.
std::string no_plan(const ObjectAnswer& plan) {
    switch (plan.kind) {
    case ObjectKind::outside:
        return fmt::format("the plan is a symbolic link to {}, outside the repository",
                           plan.target);
    case ObjectKind::dangling:
        return "the plan is a symbolic link to a file this commit does not hold";
    case ObjectKind::loop:
        return "the plan is a loop of symbolic links";
    case ObjectKind::notdir:
        return "the plan's path runs through a file that is not a folder";
    case ObjectKind::found:
        return "the plan's path is a folder at this commit";
    case ObjectKind::missing:
        break;
    }
    return "the plan does not exist at this commit";
}

} // namespace

// The same plan at the same path: a rename is a version of its own, even with the same text.
bool same_plan(const LineCommit& a, const LineCommit& b) {
    return a.path == b.path && a.link == b.link && a.plan.kind == b.plan.kind &&
           a.plan.id == b.plan.id && a.plan.target == b.plan.target;
}

std::vector<NamedFile> files_named_by(const Plan& plan) {
    std::vector<NamedFile> files;
    for (const auto& [key, path] :
         {std::pair{"calendar.holidays_file", &plan.calendar.holidays_file},
          std::pair{"email.templates", &plan.email.templates},
          std::pair{"audit.signers", &plan.audit.signers}})
        if (!path->empty())
            files.push_back({key, *path, {}});
    return files;
}

std::optional<std::string> repository_path(const std::string& plan_path, const std::string& named) {
    std::vector<std::string_view> parts;
    const auto add = [&](std::string_view text) {
        while (!text.empty()) {
            const std::size_t slash = std::min(text.find('/'), text.size());
            const std::string_view part = text.substr(0, slash);
            if (part == "..") {
                if (parts.empty())
                    return false;
                parts.pop_back();
            } else if (!part.empty() && part != ".") {
                parts.push_back(part);
            }
            text.remove_prefix(std::min(slash + 1, text.size()));
        }
        return true;
    };
    const std::size_t folder_end = plan_path.rfind('/');
    if (folder_end != std::string::npos && !add(std::string_view(plan_path).substr(0, folder_end)))
        return std::nullopt;
    if (!named.empty() && named.front() == '/')
        return std::nullopt;
    if (!add(named) || parts.empty())
        return std::nullopt;
    std::string out;
    for (std::string_view part : parts)
        out += (out.empty() ? "" : "/") + std::string(part);
    return out;
}

Expected<std::vector<NamedFile>> VersionWalk::files_at(std::size_t at, const Plan* plan) {
    if (!plan)
        return std::vector<NamedFile>{};
    std::vector<NamedFile> files = files_named_by(*plan);
    for (NamedFile& file : files) {
        const std::optional<std::string> path = repository_path(line_[at].path, file.path);
        if (!path || path->find('\n') != std::string::npos)
            continue;
        TRY_ASSIGN(const ObjectAnswer found, objects_.find(line_[at].info.commit, *path));
        if (found.kind == ObjectKind::found)
            file.object = found.id;
    }
    return files;
}

Expected<PlanVersion> VersionWalk::read_at(std::size_t at, const Plan* naming) {
    const LineCommit& commit = line_[at];
    PlanVersion version;
    version.info = commit.info;
    version.line_index = at;
    version.path = commit.path;
    version.plan_is_link = commit.link;
    if (commit.plan.kind != ObjectKind::found || commit.plan.type != "blob") {
        version.error = no_plan(commit.plan);
        TRY_ASSIGN(version.files, files_at(at, naming));
        return version;
    }
    TRY_ASSIGN(const std::optional<std::string> text, objects_.read(commit.plan.id));
    if (!text) {
        version.error = no_plan(ObjectAnswer{});
        return version;
    }
    // The files the plan names, as this commit holds them: never today's working tree.
    const ReadNamedFile from_commit = [&](const std::string& named) -> Expected<std::string> {
        const std::optional<std::string> path = repository_path(commit.path, named);
        if (!path)
            return fail("it is outside the repository");
        TRY_ASSIGN(const ObjectAnswer found, objects_.find(commit.info.commit, *path));
        if (found.kind != ObjectKind::found)
            return fail(fmt::format("commit {} does not hold it", commit.info.commit.substr(0, 7)));
        TRY_ASSIGN(std::optional<std::string> content, objects_.read(found.id));
        if (!content)
            return fail(
                fmt::format("it is not a file at commit {}", commit.info.commit.substr(0, 7)));
        return std::move(*content);
    };
    version.loaded = std::make_shared<const LoadResult>(read_plan(*text, commit.path, from_commit));
    const Plan* own = version.plan();
    TRY_ASSIGN(version.files, files_at(at, own ? own : naming));
    return version;
}

Expected<std::optional<PlanVersion>> VersionWalk::version_before(std::size_t start) {
    for (std::size_t k = start; k-- > 0;) {
        // A run of commits with the same plan reads alike: its newest one stands for it.
        if (k + 1 < start && same_plan(line_[k], line_[k + 1]))
            continue;
        TRY_ASSIGN(PlanVersion version, read_at(k, nullptr));
        if (version.plan())
            return std::optional<PlanVersion>(std::move(version));
    }
    return std::optional<PlanVersion>();
}

Expected<std::vector<PlanVersion>> VersionWalk::versions_from(std::size_t start,
                                                              const PlanVersion* base) {
    std::vector<PlanVersion> versions;
    const Plan* naming = base ? base->plan() : nullptr;
    std::vector<NamedFile> files_before;
    if (start > 0) {
        TRY_ASSIGN(files_before, files_at(start - 1, naming));
    }
    for (std::size_t at = start; at < line_.size(); ++at) {
        if (at > 0 && same_plan(line_[at], line_[at - 1])) {
            TRY_ASSIGN(const std::vector<NamedFile> files, files_at(at, naming));
            if (files == files_before)
                continue;
        }
        TRY_ASSIGN(PlanVersion version, read_at(at, naming));
        files_before = version.files;
        versions.push_back(std::move(version));
        if (const Plan* plan = versions.back().plan())
            naming = plan;
    }
    return versions;
}

} // namespace remedy
