#ifndef VODHOOK_CACHE_HINTS_H
#define VODHOOK_CACHE_HINTS_H

// Swift has no prefetch of its own. summary's table of distinct documents
// outgrows the caches, so each lookup missed to memory; asking for the slot
// one document ahead hides that wait behind the next document's work.
static inline void vodhook_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
