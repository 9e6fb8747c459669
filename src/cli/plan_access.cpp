#include "plan_access.h"

#include "remedy/edit/plan_lock.h"
#include "remedy/io/atomic_write.h"
#include "remedy/io/plan_locator.h"
#include "remedy/io/plan_reader.h"
#include "remedy/io/text_file.h"
#include "remedy/io/today.h"
#include "remedy/render/edit_consequences.h"
#include "remedy/render/escape.h"

#include <algorithm>
#include <fmt/format.h>
#include <optional>

namespace remedy {

namespace {

Unexpected<CommandError> invalid(const std::string& file, const LoadResult& loaded) {
    CommandError error("");
    error.diagnostics = loaded.diagnostics;
    // A file that could not be read at all has its one diagnostic, and no summary.
    if (loaded.file_read)
        error.invalid_plan = file;
    return {std::move(error)};
}

// The diagnostics of `after` that `before` did not have (by their message: an edit moves the
// lines of those below it).
Diagnostics new_warnings(const Diagnostics& before, const Diagnostics& after) {
    Diagnostics added;
    for (const Diagnostic& d : after)
        if (std::none_of(before.begin(), before.end(),
                         [&](const Diagnostic& old) { return old.message == d.message; }))
            added.push_back(d);
    return added;
}

} // namespace

std::string errors_without_places(const LoadResult& unwritten) {
    std::string why;
    for (const Diagnostic& d : unwritten.diagnostics)
        if (d.severity == Severity::error)
            why += (why.empty() ? "" : "; ") + d.message;
    return why;
}

Expected<std::string, CommandError> plan_path(const Invocation& invocation) {
    const Arguments& args = invocation.args;
    const Expected<std::string> file =
        locate_plan(args.given("file") ? std::optional(args.text("file")) : std::nullopt,
                    invocation.env.plan, invocation.env.working_dir);
    if (!file)
        return refusal(file.error() + "; name one with -f PLAN or REMEDY_PLAN");
    return *file;
}

Expected<LoadedPlan, CommandError> load_plan_at(const std::string& file) {
    LoadResult loaded = load_plan_file(file);
    if (!loaded.plan)
        return invalid(file, loaded);
    return LoadedPlan{file, std::move(*loaded.plan), std::move(loaded.diagnostics)};
}

Expected<LoadedPlan, CommandError> load_plan(const Invocation& invocation) {
    TRY_ASSIGN(const std::string file, plan_path(invocation));
    return load_plan_at(file);
}

date::sys_days today(const Invocation& invocation, const Plan& plan) {
    return day_in_zone(plan.client.timezone, invocation.env.now);
}

date::sys_days judgement_day(const Invocation& invocation, const Plan& plan) {
    return invocation.args.day("as-of").value_or(today(invocation, plan));
}

Expected<JudgedPlan, CommandError> judge_plan(const Invocation& invocation) {
    TRY_ASSIGN(LoadedPlan loaded, load_plan(invocation));
    const date::sys_days day = judgement_day(invocation, loaded.plan);
    Judgement judgement = judge(loaded.plan, day);
    return JudgedPlan{std::move(loaded), std::move(judgement)};
}

Expected<ChangedPlan, CommandError> change_plan(const Invocation& invocation,
                                                const MakeChange& make_change, Writing writing) {
    TRY_ASSIGN(const std::string file, plan_path(invocation));
    std::optional<PlanLock> lock;
    if (writing == Writing::replace) {
        Expected<PlanLock> taken = PlanLock::acquire(file);
        if (!taken)
            return refusal(taken.error());
        lock.emplace(std::move(*taken));
    }

    const Expected<std::string> text = read_text_file(file);
    if (!text)
        return refusal(fmt::format("cannot read {}: {}", file, text.error()));
    LoadResult before = read_plan(*text, file);
    // A refusal still shows what reading the plan found.
    const auto refuse = [&](std::string message) {
        CommandError error(std::move(message));
        error.diagnostics = before.diagnostics;
        return Unexpected<CommandError>{std::move(error)};
    };
    if (!before.plan)
        return refuse(fmt::format("{} is not a valid plan; it is not edited", file));
    const Expected<PlanChange> change = make_change(*before.plan, *text);
    if (!change)
        return refuse(change.error());
    // The fact is already recorded: nothing is read again, nothing is written.
    if (change->text == *text)
        return ChangedPlan{file,         std::move(*before.plan), before.diagnostics,
                           std::nullopt, before.diagnostics,      change->summary};
    // Every rule of the format must hold after the edit, or the file is left as it was.
    LoadResult after = read_plan(change->text, file);
    if (!after.plan)
        return refuse(
            fmt::format("refused, {} is unchanged: {}", file, errors_without_places(after)));
    if (writing == Writing::replace)
        if (const Expected<void> written = replace_file_contents(file, change->text); !written)
            return refuse(written.error());
    return ChangedPlan{file,
                       std::move(*before.plan),
                       std::move(before.diagnostics),
                       std::move(*after.plan),
                       std::move(after.diagnostics),
                       change->summary};
}

Result edit_plan(const Invocation& invocation, const MakeChange& make_change) {
    TRY_ASSIGN(const ChangedPlan changed, change_plan(invocation, make_change, Writing::replace));
    const bool quiet = invocation.args.declares("quiet") && invocation.args.flag("quiet");
    // The fact is already recorded: the file's warnings are the ones it had.
    if (!changed.after)
        return Outcome{quiet ? std::string()
                             : fmt::format("{}: unchanged, {}\n", terminal_text(changed.file),
                                           terminal_text(changed.summary)),
                       ExitStatus::ok, quiet ? Diagnostics{} : changed.diagnostics};
    // The warnings are those of the file as it now is: the first issue added takes away "the
    // plan lists no issue", and a warning's place is its place in the new text. Quiet, only
    // those the change brought: a plan being set up says "the plan lists no [[issue]]" once,
    // not at every command.
    if (quiet)
        return Outcome{"", ExitStatus::ok,
                       new_warnings(changed.before_diagnostics, changed.diagnostics)};
    // What the change does, judged on one day before and after it.
    const date::sys_days day = judgement_day(invocation, *changed.after);
    std::string report =
        fmt::format("{}: {}\n", terminal_text(changed.file), terminal_text(changed.summary));
    for (const std::string& line : edit_consequences(changed.before, judge(changed.before, day),
                                                     *changed.after, judge(*changed.after, day)))
        report += "  " + terminal_text(line) + "\n";
    return Outcome{std::move(report), ExitStatus::ok, changed.diagnostics};
}

} // namespace remedy
