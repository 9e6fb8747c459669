#include "command.h"

namespace remedy {

const std::vector<Command>& command_table() {
    static const std::vector<Command> table = [] {
        std::vector<Command> all;
        for (std::vector<Command> part :
             {report_commands(), portfolio_commands(), letter_commands(), board_commands(),
              history_commands(), edit_commands(), fact_commands(), import_commands(),
              shell_commands()})
            for (Command& command : part)
                all.push_back(std::move(command));
        return all;
    }();
    return table;
}

} // namespace remedy
