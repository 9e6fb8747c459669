#include "edit_command.h"

#include "exit_status.h"
#include "remedy/dates.h"
#include "remedy/edit/atomic_write.h"
#include "remedy/edit/plan_edits.h"
#include "remedy/edit/plan_lock.h"
#include "remedy/edit/starter_plan.h"
#include "remedy/plan_file.h"
#include "remedy/plan_reader.h"
#include "remedy/today.h"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <date/tz.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

namespace remedy {

namespace {

int refuse(const std::string& message) {
    std::fprintf(stderr, "remedy: error: %s\n", message.c_str());
    return exit_plan;
}

Expected<PlanChange> make_change(const std::string& command, const EditArguments& args,
                                 const Plan& plan, std::string_view text, date::sys_days day) {
    if (command == "resolve")
        return resolve_issue(plan, text, args.id, day);
    if (command == "reopen")
        return reopen_issue(plan, text, args.id);
    if (command == "waive")
        return waive_issue(plan, text, args.id, args.reason);
    if (command == "incident")
        return add_incident(plan, text, *parse_priority(args.priority), args.summary, day);
    if (command == "extend")
        return add_extension(plan, text, args.days, args.reason, day);
    NewIssue issue;
    issue.id = args.id;
    issue.title = args.title;
    issue.priority = *parse_priority(args.priority);
    issue.due = *parse_iso_date(args.due);
    issue.category = args.category;
    issue.owner = args.owner;
    return add_issue(plan, text, issue);
}

// The checks a command line can fail before the plan is touched (exit 2).
std::optional<std::string> argument_error(const std::string& command, const EditArguments& args) {
    if (!args.on.empty())
        if (const Expected<date::sys_days> day = parse_iso_date(args.on); !day)
            return day.error();
    if ((command == "incident" || command == "add") && !parse_priority(args.priority))
        return fmt::format("--priority must be low, medium, high or critical (or P4..P1), not "
                           "'{}'",
                           args.priority);
    if (command == "add")
        if (const Expected<date::sys_days> due = parse_iso_date(args.due); !due)
            return "--due: " + due.error();
    return std::nullopt;
}

} // namespace

int run_edit_command(const std::string& command, const EditArguments& args,
                     const std::string& file) {
    if (const auto error = argument_error(command, args)) {
        std::fprintf(stderr, "remedy: error: %s\n", error->c_str());
        return exit_usage;
    }
    Expected<PlanLock> lock = PlanLock::acquire(file);
    if (!lock)
        return refuse(lock.error());

    const Expected<std::string> read = read_plan_text(file);
    if (!read)
        return refuse(fmt::format("cannot read {}: {}", file, read.error()));
    const std::string& text = *read;
    const LoadResult before = read_plan(text, file);
    print_diagnostics(before.diagnostics);
    if (!before.plan)
        return refuse(fmt::format("{} is not a valid plan; it is not edited", file));

    const Plan& plan = *before.plan;
    const date::sys_days day =
        args.on.empty() ? day_in_zone(plan.client.timezone, std::chrono::system_clock::now())
                        : *parse_iso_date(args.on);
    const Expected<PlanChange> change = make_change(command, args, plan, text, day);
    if (!change)
        return refuse(change.error());
    // Every rule of the format must hold after the edit, or the file is left as it was.
    const LoadResult after = read_plan(change->text, file);
    if (!after.plan) {
        // The places would be those of a text that was never written: say what, not where.
        std::string why;
        for (const Diagnostic& d : after.diagnostics)
            if (d.severity == Severity::error)
                why += (why.empty() ? "" : "; ") + d.message;
        return refuse(fmt::format("refused, {} is unchanged: {}", file, why));
    }
    if (const auto written = replace_file_contents(file, change->text); !written)
        return refuse(written.error());
    std::printf("%s: %s\n", file.c_str(), change->summary.c_str());
    return std::fflush(stdout) == 0 ? 0 : exit_plan;
}

int run_init_command(const EditArguments& args, const std::string& file) {
    // The machine's own zone is the best guess of the client's; the plan says so and can change.
    std::string timezone = "UTC";
    try {
        timezone = date::current_zone()->name();
    } catch (const std::exception&) {
    }
    date::sys_days start = day_in_zone(timezone, std::chrono::system_clock::now());
    if (!args.start.empty()) {
        const Expected<date::sys_days> day = parse_iso_date(args.start);
        if (!day) {
            std::fprintf(stderr, "remedy: error: --start: %s\n", day.error().c_str());
            return exit_usage;
        }
        start = *day;
    }
    const std::string client = args.client.empty() ? "Your Company" : args.client;
    const std::string provider = args.provider.empty() ? "Your IT Provider" : args.provider;
    const std::string text = starter_plan(client, provider, start, timezone);
    const LoadResult check = read_plan(text, file);
    if (!check.plan) {
        print_diagnostics(check.diagnostics);
        return refuse("the names given do not make a valid plan");
    }
    // O_EXCL: never over an existing plan, even one created a moment ago by someone else.
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        return refuse(
            errno == EEXIST
                ? fmt::format("{} already exists; remedy init never overwrites a plan", file)
                : fmt::format("cannot create {}: {}", file, std::strerror(errno)));
    const bool written =
        ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
        ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        ::unlink(file.c_str());
        return refuse(fmt::format("cannot write {}: {}", file, std::strerror(errno)));
    }
    std::printf("%s: a new plan for %s with %s, time box %s to %s\n", file.c_str(), client.c_str(),
                provider.c_str(), format_iso_date(start).c_str(),
                format_iso_date(start + date::days{60}).c_str());
    return 0;
}

} // namespace remedy
