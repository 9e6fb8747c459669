#pragma once

namespace remedy {

// The whole command line: parses the arguments, runs one command, prints, and returns the exit
// status of SPEC.md (0 done, 1 check failed, 2 bad command line, 3 plan missing or invalid).
int run(int argc, char** argv);

} // namespace remedy
