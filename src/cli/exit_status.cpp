#include "exit_status.h"

#include <cstdio>

namespace remedy {

void print_diagnostics(const Diagnostics& diagnostics) {
    for (const Diagnostic& d : diagnostics)
        std::fprintf(stderr, "%s\n", to_string(d).c_str());
}

} // namespace remedy
