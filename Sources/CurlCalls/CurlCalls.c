// The calls are inline functions in include/CurlCalls.h; SwiftPM needs a
// source file to build the target.
#include "CurlCalls.h"
