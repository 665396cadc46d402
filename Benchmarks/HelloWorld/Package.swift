// swift-tools-version:6.0
import PackageDescription

// The start-up baseline for `make bench`: the smallest Swift program, built
// exactly as vodhook's release binary is.
let package = Package(
    name: "hello",
    targets: [.executableTarget(name: "hello")],
    swiftLanguageModes: [.v6]
)
