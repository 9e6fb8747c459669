// A renderer that includes the command line, which nothing may include.
#include "remedy/cli/run.h"
