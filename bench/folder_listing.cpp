// Times the folder search alone, with each way of listing a folder, in turns: what the
// getdents64 fast path of io/plan_finder.cpp earns over readdir (docs/performance.md).
//   remedy_bench_folder_listing FOLDER [ROUNDS]
// prints, for each listing, the median time of one search of FOLDER and the plans it found.
#include "remedy/io/plan_finder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs("usage: remedy_bench_folder_listing FOLDER [ROUNDS]\n", stderr);
        return 2;
    }
    const int rounds = argc > 2 ? std::stoi(argv[2]) : 51;
    using remedy::FolderListing;
    std::vector<double> times[2];
    std::size_t found[2] = {0, 0};
    for (int round = 0; round < rounds; ++round)
        for (FolderListing listing : {FolderListing::fastest, FolderListing::portable}) {
            const auto start = std::chrono::steady_clock::now();
            const std::vector<std::string> plans = remedy::find_plans(
                {argv[1]}, ".", [](const std::string&) {},
                [](const std::string&, const std::string&) {}, listing);
            const std::chrono::duration<double, std::milli> took =
                std::chrono::steady_clock::now() - start;
            const int k = listing == FolderListing::fastest ? 0 : 1;
            times[k].push_back(took.count());
            found[k] = plans.size();
        }
    const char* names[2] = {"getdents64 (where built)", "readdir"};
    for (int k = 0; k < 2; ++k) {
        std::sort(times[k].begin(), times[k].end());
        std::printf("%-24s %8.3f ms median of %d, %zu plans\n", names[k],
                    times[k][times[k].size() / 2], rounds, found[k]);
    }
    return 0;
}
