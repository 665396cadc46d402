// The system zlib, for gzip input: inflate is the one thing the tool does
// not write itself (see docs/design.md, "Compressed input").
#include <zlib.h>
