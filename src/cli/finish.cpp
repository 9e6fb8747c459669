#include "finish.h"

#include "remedy/io/write_all.h"
#include "remedy/model/wording.h"
#include "remedy/render/escape.h"

#include <fmt/format.h>
#include <unistd.h>

namespace remedy {

namespace {

// Everything on standard error is text for a person, and may quote the plan (a key name, a
// file name): each line goes through terminal_text.
void print_error_line(std::string_view message) {
    write_all(STDERR_FILENO, fmt::format("remedy: error: {}\n", terminal_text(message)));
}

void print_diagnostics(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics)
        out += terminal_text(to_string(d)) + '\n';
    write_all(STDERR_FILENO, out);
}

// "remedy: remedy.toml is not a valid plan (2 errors, 1 warning)".
std::string invalid_plan_summary(const std::string& file, const Diagnostics& diagnostics) {
    std::size_t errors = 0;
    for (const Diagnostic& d : diagnostics)
        errors += d.severity == Severity::error;
    const std::size_t warnings = diagnostics.size() - errors;
    std::string text = fmt::format("remedy: {} is not a valid plan ({}", terminal_text(file),
                                   plural(static_cast<long long>(errors), "error"));
    if (warnings > 0)
        text += ", " + plural(static_cast<long long>(warnings), "warning");
    return text + ")\n";
}

// Writes `text` (nothing at all when it is empty: no file is created for it).
int write_text(const std::string& text, Channel channel, const std::string& output_file,
               ExitStatus status) {
    if (text.empty())
        return static_cast<int>(status);
    const std::string shown =
        channel == Channel::terminal ? terminal_lines(text, Colour::kept) : std::string();
    const std::string& out = channel == Channel::terminal ? shown : text;
    if (const Expected<void> written = write_output(output_file, out); !written) {
        print_error_line(written.error());
        return static_cast<int>(ExitStatus::refused);
    }
    return static_cast<int>(status);
}

} // namespace

int finish(const Result& result, const std::string& output_file) {
    if (result) {
        print_diagnostics(result->diagnostics);
        for (const std::string& note : result->notes)
            write_all(STDERR_FILENO, fmt::format("remedy: note: {}\n", terminal_text(note)));
        return write_text(result->text, result->channel, output_file, result->status);
    }
    const CommandError& error = result.error();
    print_diagnostics(error.diagnostics);
    if (!error.invalid_plan.empty())
        write_all(STDERR_FILENO, invalid_plan_summary(error.invalid_plan, error.diagnostics));
    else if (!error.message.empty())
        print_error_line(error.message);
    if (!error.hint.empty())
        write_all(STDERR_FILENO, terminal_text(error.hint) + '\n');
    // check's report of an invalid plan goes out too, so that CI can show the errors.
    const int status = write_text(error.text, Channel::document, output_file, error.status);
    return status == 0 ? static_cast<int>(error.status) : status;
}

} // namespace remedy
