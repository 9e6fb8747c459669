// Edits a file the way remedy's editing commands do (lock, replace, unlock), for crash_test.py:
//   write_driver [--wait MS] PATH CONTENT_FILE     replaces PATH with CONTENT_FILE's bytes
//   write_driver [--wait MS] --append PATH LINE    appends LINE to PATH (read, modify, write)
// Exits 0 when the file was written, 3 (with the message on stderr) when not, 2 on bad usage.
#include "remedy/edit/plan_lock.h"
#include "remedy/io/atomic_write.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

int main(int argc, char** argv) {
    int i = 1;
    std::chrono::milliseconds wait{2000};
    if (i + 1 < argc && std::string(argv[i]) == "--wait") {
        wait = std::chrono::milliseconds(std::stol(argv[i + 1]));
        i += 2;
    }
    const bool append = i < argc && std::string(argv[i]) == "--append";
    i += append ? 1 : 0;
    if (argc - i != 2) {
        std::fputs("usage: write_driver [--wait MS] [--append] PATH CONTENT_FILE|LINE\n", stderr);
        return 2;
    }
    const std::string path = argv[i];
    const remedy::Expected<remedy::PlanLock> lock = remedy::PlanLock::acquire(path, wait);
    if (!lock) {
        std::fprintf(stderr, "write_driver: %s\n", lock.error().c_str());
        return 3;
    }
    const std::string content =
        append ? read_file(path) + argv[i + 1] + "\n" : read_file(argv[i + 1]);
    const remedy::Expected<void> written = remedy::replace_file_contents(path, content);
    if (!written) {
        std::fprintf(stderr, "write_driver: %s\n", written.error().c_str());
        return 3;
    }
    return 0;
}
