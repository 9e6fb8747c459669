#pragma once

namespace remedy {

// The whole command line: parses the arguments against the command table, runs one command,
// and returns its exit status (0 done, 1 check failed, 2 bad command line, 3 plan missing,
// invalid or refused).
int run(int argc, char** argv);

} // namespace remedy
