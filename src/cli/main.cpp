#include "run.h"

int main(int argc, char** argv) {
    return remedy::run(argc, argv);
}
