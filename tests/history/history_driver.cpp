// Runs `remedy history` without the CLI: history_driver PLAN [FORMAT [SINCE]].
#include "remedy/dates.h"
#include "remedy/history/history_command.h"

#include <cstdio>

int main(int argc, char** argv) {
    if (argc < 2 || argc > 4) {
        std::fputs("usage: history_driver PLAN [text|json|csv|svg [SINCE]]\n", stderr);
        return 2;
    }
    std::optional<date::sys_days> since;
    if (argc == 4) {
        const auto day = remedy::parse_iso_date(argv[3]);
        if (!day) {
            std::fprintf(stderr, "--since: %s\n", day.error().c_str());
            return 2;
        }
        since = *day;
    }
    std::string out, err;
    const int status =
        remedy::run_history_command(argv[1], since, argc > 2 ? argv[2] : "text", out, err);
    if (!err.empty())
        std::fprintf(stderr, "%s\n", err.c_str());
    std::fwrite(out.data(), 1, out.size(), stdout);
    return status;
}
