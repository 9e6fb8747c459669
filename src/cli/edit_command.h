#pragma once

#include <string>

namespace remedy {

// What the commands that change the plan were given, as typed.
struct EditArguments {
    std::string id;
    std::string on; // --on / --agreed: a day, default today in client.timezone
    std::string reason;
    std::string priority;
    std::string summary;
    int days = 0;
    std::string title;
    std::string due;
    std::string category;
    std::string owner;
    std::string client;   // init
    std::string provider; // init
    std::string start;    // init
};

// Runs `command` (resolve, reopen, waive, incident, extend, add) on the plan at `file`: under
// the plan's lock, reads it (it must be valid), makes the change, re-reads the new text (every
// rule must still hold), and replaces the file atomically; prints one line saying what changed.
// Returns the exit status: 0 done, 2 a bad argument, 3 refused (the file left untouched).
int run_edit_command(const std::string& command, const EditArguments& args,
                     const std::string& file);

// `remedy init`: writes a starter plan at `file` (remedy.toml here unless -f), never over an
// existing file. Returns 0, 2 for a bad --start, or 3 when the file exists or cannot be written.
int run_init_command(const EditArguments& args, const std::string& file);

} // namespace remedy
