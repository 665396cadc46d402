// swift-tools-version:6.0
import PackageDescription

// No package dependencies by design: the reader, the argument parser and
// everything else are ours, so the tool builds anywhere the toolchain does.
let package = Package(
    name: "vodhook",
    products: [
        .executable(name: "vodhook", targets: ["vodhook"]),
        .library(name: "VODHookCore", targets: ["VODHookCore"]),
    ],
    targets: [
        // The core: reading, spec, rules, output. It must not import Foundation.
        .target(name: "VODHookCore", dependencies: ["EditDistance", "CacheHints", "Platform"]),
        // Every call into the C library, and what differs between Glibc, Musl and Darwin.
        .target(name: "Platform", dependencies: ["CLibrary"]),
        // The one import of the C library; only Platform depends on it.
        .target(name: "CLibrary"),
        // A prefetch hint, which Swift cannot spell: one inline C function.
        .target(name: "CacheHints"),
        // libcurl's two variadic calls, made with their C type: https loads libcurl at run time (docs/design.md).
        .target(name: "CurlCalls"),
        // "Did you mean ...?" suggestions, shared by the parser and the rule checks.
        .target(name: "EditDistance"),
        // The system zlib (a system-library target: headers from zlib1g-dev,
        // zlib-devel or the macOS SDK), used by Decompression alone.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"]), .yum(["zlib-devel"])]),
        // gzip input as a ByteInput: inflate, multi-member, damage as a finding, a read-ahead thread.
        .target(name: "Decompression", dependencies: ["CZlib", "VODHookCore", "Platform"]),
        // A small argument parser, independent of VOD.
        .target(name: "ArgumentParsing", dependencies: ["EditDistance"]),
        // The commands: argument handling, I/O and exit codes, built on the two above.
        .target(name: "VODHookCommands", dependencies: ["VODHookCore", "Decompression", "ArgumentParsing", "EditDistance", "Platform", "CurlCalls"]),
        .executableTarget(name: "vodhook", dependencies: ["VODHookCommands", "Platform"]),
        // Fixtures are read through #filePath, not bundled as resources.
        // Test inputs more than one test target builds (gzip members, a dribbling reader); the fuzzers compile them too.
        .target(name: "TestSupport", dependencies: ["VODHookCore", "CZlib"], path: "Tests/TestSupport"),
        .testTarget(name: "VODHookCoreTests", dependencies: ["VODHookCore", "Decompression", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "DecompressionTests", dependencies: ["Decompression", "VODHookCore", "TestSupport"], exclude: ["Fixtures"]),
        // VODHookCore for its SplitMix64, the one seeded generator.
        .testTarget(name: "EditDistanceTests", dependencies: ["EditDistance", "VODHookCore"]),
        .testTarget(name: "ArgumentParsingTests", dependencies: ["ArgumentParsing", "VODHookCore"]),
        .testTarget(name: "VODHookCommandsTests", dependencies: ["VODHookCommands", "VODHookCore", "Platform", "TestSupport"], exclude: ["Golden", "Support/tls-receiver.py"]),
    ],
    swiftLanguageModes: [.v6]
)
