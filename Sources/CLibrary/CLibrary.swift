// The one place the C library is imported. Only `Platform` depends on this
// target; everything else calls the platform's wrappers, so a libc call
// outside Sources/Platform does not compile.
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#else
#error("vodhook needs a POSIX C library: Glibc, Musl or Darwin")
#endif
