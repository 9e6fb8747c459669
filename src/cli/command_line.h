#pragma once

#include "command.h"

#include <CLI/CLI.hpp>
#include <memory>

namespace remedy {

// The command line as the table describes it, parsed by CLI11.
class CommandLine {
public:
    CommandLine();
    CommandLine(const CommandLine&) = delete;
    CommandLine& operator=(const CommandLine&) = delete;

    // The command chosen and its checked arguments; or nothing when CLI11 answered by itself
    // (--help, --version: `status` is then 0); or the usage error.
    struct Parsed {
        const Command* command = nullptr;
        Arguments args;
    };
    Expected<std::optional<Parsed>, CommandError> parse(int argc, char** argv);

    const CLI::App& app() const { return app_; }

private:
    // Where CLI11 writes what it read, one slot per option of every command.
    struct Slot {
        const OptionSpec* spec = nullptr;
        CLI::Option* option = nullptr;
        std::string single;
        std::vector<std::string> many;
        bool flag = false;
    };

    CLI::App app_;
    std::vector<std::unique_ptr<Slot>> slots_;
    std::map<const Command*, std::vector<Slot*>> slots_of_;
    const Command* chosen_ = nullptr;
};

} // namespace remedy
