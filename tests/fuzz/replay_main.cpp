// A fuzz entry point without libFuzzer: runs LLVMFuzzerTestOneInput once on each file named on
// the command line, so that the seeds (plans, exports) and every input a fuzz run found stay
// tests of the ordinary build (and of the sanitizer build, where they matter most). Linked
// with each entry point: plan_fuzz_replay, import_fuzz_replay.

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " FILE...\n";
        return 2;
    }
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        if (!in) {
            std::cerr << argv[0] << ": cannot read " << argv[i] << "\n";
            return 2;
        }
        const std::vector<char> bytes{std::istreambuf_iterator<char>(in),
                                      std::istreambuf_iterator<char>()};
        // A crash names its input: the line before the report says which file it was.
        std::cerr << "replay " << argv[i] << " (" << bytes.size() << " bytes)\n";
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::cout << argv[0] << ": " << argc - 1 << " inputs, no crash\n";
    return 0;
}
