// The cost of starting a C++ process and nothing else: the reference for `remedy status`.
int main() {}
