#include "remedy/history/history_command.h"

#include "remedy/history/history_rows.h"
#include "remedy/history/plan_history.h"
#include "remedy/render/history_report.h"

#include <fmt/format.h>

namespace remedy {

int run_history_command(const std::string& plan_path, std::optional<date::sys_days> since,
                        const std::string& format, std::string& out, std::string& err,
                        const Style& style) {
    if (format != "text" && format != "json" && format != "csv" && format != "svg") {
        err = fmt::format("remedy: error: --format: {} is not one of text, json, csv, svg", format);
        return 2;
    }
    const Expected<std::vector<PlanVersion>> versions = read_plan_history(plan_path);
    if (!versions) {
        err = fmt::format("remedy: error: {}", versions.error());
        return 3;
    }
    const PlanHistory history = build_history(plan_path, *versions, since);
    if (format == "json")
        out = render_history_json(history);
    else if (format == "csv")
        out = render_history_csv(history);
    else if (format == "svg")
        out = render_history_svg(history);
    else
        out = render_history_text(history, style);
    return 0;
}

} // namespace remedy
