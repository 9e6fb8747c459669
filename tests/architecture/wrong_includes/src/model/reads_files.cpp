// A model file that breaks two rules: it includes a renderer, and it reads files.
#include "remedy/render/style.h"

#include <fstream>
