#pragma once

#include "remedy/model/plan.h"
#include "remedy/util/enum_names.h"

#include <cstddef>
#include <date/date.h>
#include <optional>
#include <string>
#include <vector>

namespace remedy {

// What the two sides agreed to change, and what each change did: the written record both sides
// need (the `changes` letter, the report's agreed changes). A reopening is listed with them, as
// what it is: the pause `remedy reopen` writes of the days an issue stood resolved, which no one
// agreed.
enum class ChangeKind { extension, pause, waiver, reopening };

inline constexpr EnumNames<ChangeKind, 4> change_kinds{{{
    {ChangeKind::extension, "extension"},
    {ChangeKind::pause, "pause"},
    {ChangeKind::waiver, "waiver"},
    {ChangeKind::reopening, "reopening"},
}}};

// One issue's effective due date before and after a change.
struct MovedDue {
    std::size_t issue = 0; // index into plan.issues
    date::sys_days before;
    date::sys_days after;
};

struct AgreedChange {
    ChangeKind kind = ChangeKind::extension;
    // into timebox.extensions, plan.pauses (a pause, a reopening) or plan.issues (a waiver)
    std::size_t index = 0;
    // The day it took effect: its agreed day, the waiver's day, the day of a reopening (its
    // pause counts from its first day on).
    date::sys_days in_force;
    std::string reason;
    long long working_days = 0; // a pause's working days, on a working-day contract
    // What it changed, judged on the day asked about, against the same plan without it.
    std::optional<date::sys_days> deadline_before; // set when it moved the deadline
    date::sys_days deadline_after;
    std::vector<MovedDue> moved; // the effective due dates it moved
    // What was owed on the day it took effect and no longer is (never negative): money the
    // plan owed before the change, not days that only came later. Nothing for a reopening: the
    // days it pauses were days the issue stood resolved, when no version of the plan owed them.
    Money no_longer_owed;
};

// The extensions, pauses and waivers that took effect in (after, last], in the order they did
// (ties in the order extensions, pauses, waivers, then the file's), each with its effect on
// `last`.
std::vector<AgreedChange> changes_in_force_between(const Plan& plan, date::sys_days after,
                                                   date::sys_days last);

} // namespace remedy
