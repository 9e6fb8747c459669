#pragma once

#include "remedy/model/source.h"

#include <string>
#include <vector>

namespace remedy {

enum class Severity { warning, error };

// One problem found in a plan file, with the place that causes it.
struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;
    SourcePos pos;
    std::string message;
};

using Diagnostics = std::vector<Diagnostic>;

bool has_errors(const Diagnostics& diagnostics);

// The compiler-style line: "remedy.toml:14:7: error: message" (the place omitted when unknown,
// the column when it is 0: "export.csv:12: error: message").
std::string to_string(const Diagnostic& diagnostic);

} // namespace remedy
