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
// need (the `changes` letter, the report's agreed changes).
enum class ChangeKind { extension, pause, waiver };

inline constexpr EnumNames<ChangeKind, 3> change_kinds{{{
    {ChangeKind::extension, "extension"},
    {ChangeKind::pause, "pause"},
    {ChangeKind::waiver, "waiver"},
}}};

// One issue's effective due date before and after a change.
struct MovedDue {
    std::size_t issue = 0; // index into plan.issues
    date::sys_days before;
    date::sys_days after;
};

struct AgreedChange {
    ChangeKind kind = ChangeKind::extension;
    std::size_t index = 0;   // into timebox.extensions, plan.pauses or plan.issues (a waiver)
    date::sys_days in_force; // the day it took effect: its agreed day, or the waiver's day
    std::string reason;
    // What it changed, judged on the day asked about, against the same plan without it.
    std::optional<date::sys_days> deadline_before; // set when it moved the deadline
    date::sys_days deadline_after;
    std::vector<MovedDue> moved; // the effective due dates it moved
    Money no_longer_owed;        // the penalties it took away (never negative)
};

// The extensions, pauses and waivers that took effect in (after, last], in the order they did
// (ties in the order extensions, pauses, waivers, then the file's), each with its effect on
// `last`.
std::vector<AgreedChange> changes_in_force_between(const Plan& plan, date::sys_days after,
                                                   date::sys_days last);

} // namespace remedy
