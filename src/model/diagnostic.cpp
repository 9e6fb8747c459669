#include "remedy/model/diagnostic.h"

#include <algorithm>
#include <fmt/format.h>

namespace remedy {

bool has_errors(const Diagnostics& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string to_string(const Diagnostic& d) {
    const char* label = d.severity == Severity::error ? "error" : "warning";
    if (!d.pos.known())
        return fmt::format("{}: {}: {}", d.file, label, d.message);
    // A place that is a line, not a column in it: a row of an export.
    if (d.pos.column == 0)
        return fmt::format("{}:{}: {}: {}", d.file, d.pos.line, label, d.message);
    return fmt::format("{}:{}:{}: {}: {}", d.file, d.pos.line, d.pos.column, label, d.message);
}

} // namespace remedy
