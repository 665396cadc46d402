// The hints are inline functions in include/CacheHints.h; SwiftPM needs a
// source file to build the target.
#include "CacheHints.h"
