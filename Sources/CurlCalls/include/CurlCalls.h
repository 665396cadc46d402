#ifndef VODHOOK_CURL_CALLS_H
#define VODHOOK_CURL_CALLS_H

// libcurl is loaded at run time (dlopen), so its header is not needed to
// build. Two of its functions take their last argument through "...":
// curl_easy_setopt and curl_easy_getinfo. A variadic function must be called
// as variadic (on arm64 Darwin such arguments go on the stack, not in
// registers), which Swift cannot do through a function pointer; these
// helpers call the pointers dlsym gave with the right variadic type.
// CURLcode, CURLoption and CURLINFO are C enums: int.
// The pointers are kept as vodhook_curl_function, a plain function pointer
// type Swift imports as a Sendable @convention(c) function (a void * would
// not be Sendable), and cast back to their real variadic type to be called.

typedef void (*vodhook_curl_function)(void);
typedef int (*vodhook_curl_variadic)(void *handle, int what, ...);

static inline int vodhook_curl_setopt_long(vodhook_curl_function function, void *handle, int option, long value) {
    return ((vodhook_curl_variadic)function)(handle, option, value);
}

static inline int vodhook_curl_setopt_pointer(vodhook_curl_function function, void *handle, int option, const void *value) {
    return ((vodhook_curl_variadic)function)(handle, option, value);
}

static inline int vodhook_curl_getinfo_pointer(vodhook_curl_function function, void *handle, int info, void *result) {
    return ((vodhook_curl_variadic)function)(handle, info, result);
}

// The leading members of curl_version_info_data, as every libcurl since
// 7.10 lays them out (its "age" only ever added members at the end).
typedef struct {
    int age;
    const char *version;
    unsigned int version_num;
    const char *host;
    int features;
    const char *ssl_version;
} vodhook_curl_version_info;

#endif
