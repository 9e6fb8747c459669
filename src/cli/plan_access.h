#pragma once

#include "command.h"
#include "remedy/edit/plan_edits.h"
#include "remedy/io/plan_reader.h"
#include "remedy/model/judgement.h"

#include <functional>
#include <optional>

namespace remedy {

// How a command gets at the plan it was asked about; every command reaches the plan through
// these, so that -f, $REMEDY_PLAN and the search upwards work the same everywhere.

// The plan's path: -f PLAN, else $REMEDY_PLAN, else the first remedy.toml upwards.
Expected<std::string, CommandError> plan_path(const Invocation& invocation);

// A valid plan, read from its file, and the warnings found in it.
struct LoadedPlan {
    std::string file;
    Plan plan;
    Diagnostics diagnostics;
};

// The plan at `file`; an unreadable or invalid one is the error, with every diagnostic.
Expected<LoadedPlan, CommandError> load_plan_at(const std::string& file);

// The plan of the command line: plan_path, then load_plan_at.
Expected<LoadedPlan, CommandError> load_plan(const Invocation& invocation);

// The plan of the command line judged on its day.
struct JudgedPlan {
    LoadedPlan loaded;
    Judgement judgement;

    const Plan& plan() const { return loaded.plan; }
};
Expected<JudgedPlan, CommandError> judge_plan(const Invocation& invocation);

// The day the plan is judged on: --as-of, else today in client.timezone.
date::sys_days judgement_day(const Invocation& invocation, const Plan& plan);

// Today in client.timezone.
date::sys_days today(const Invocation& invocation, const Plan& plan);

// The errors of a text that was read but never written, one after the other without their
// places: places in a file nobody can open would only mislead.
std::string errors_without_places(const LoadResult& unwritten);

// What an edit command does to the plan's text, given the plan as read.
using MakeChange = std::function<Expected<PlanChange>(const Plan& plan, std::string_view text)>;

// Whether a change is written: --dry-run makes it, checks it and writes nothing.
enum class Writing { replace, dry_run };

// The plan before and after a change, both valid, with the diagnostics of each text; no
// `after` when the change left the text as it was (the fact is already recorded).
struct ChangedPlan {
    std::string file;
    Plan before;
    Diagnostics before_diagnostics;
    std::optional<Plan> after;
    Diagnostics diagnostics; // of the text as it now is
    std::string summary;
};

// The steps of edit_plan below without its report, for a command that words its own
// (`remedy import`): under the plan's lock (none for a dry run, which writes nothing), reads
// it, makes the change, and unless the text is the same re-reads the new text and, unless it
// is a dry run, replaces the file atomically. A refusal leaves the file untouched.
Expected<ChangedPlan, CommandError> change_plan(const Invocation& invocation,
                                                const MakeChange& make_change, Writing writing);

// Changes the plan of the command line: under the plan's lock, reads it (it must be valid),
// makes the change, re-reads the new text (every rule of the format must still hold), and
// replaces the file atomically. The outcome is the line that says what changed; a refusal
// leaves the file untouched.
Result edit_plan(const Invocation& invocation, const MakeChange& make_change);

} // namespace remedy
