#pragma once

#include "remedy/util/expected.h"

#include <string>
#include <string_view>

namespace remedy {

// The files a plan names (calendar.holidays_file, email.templates, audit.signers) are part of
// the record both parties push to, so each is a path inside the plan's folder: relative, and no
// ".." and no symbolic link that leads out of it. These two functions are the one place that
// rule is kept; every reader of such a file goes through them. Their messages never quote the
// file's content.

// `named` as a path inside the plan's folder, judged on its text alone (what a git tree holds
// too): not empty, not absolute, no ".." that climbs above the folder ("a/../b.ics" is "b.ics").
// Gives the path normalised, relative to the folder; or why it is not one.
Expected<std::string> path_inside_folder(std::string_view named);

// The path to open for `named`, beside the plan at `plan_file`: inside the folder by its text,
// and, when it exists, still inside the folder's real path once every symbolic link on the way
// is followed (a link to another file of the folder is fine).
Expected<std::string> path_beside_plan(const std::string& plan_file, std::string_view named);

} // namespace remedy
