// The cost of starting a process that loads the shared libraries remedy loads (libdate-tz,
// libfmt, libtomlplusplus, libstdc++: bench/CMakeLists.txt keeps them linked although nothing
// here uses them) and does nothing else: the part of `remedy status`'s start-up that remedy's
// own code cannot change, shown beside the empty program by bench/run.
int main() {}
