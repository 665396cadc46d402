import Foundation

/// Runs the built `vodhook` binary the way a user would, from the package root.
enum BinaryRunner {
    struct Result: Equatable {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary sits next to the test bundle in the build folder; `VODHOOK_BINARY` overrides.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["VODHOOK_BINARY"] { return URL(fileURLWithPath: path) }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        if directory.lastPathComponent == "MacOS" {
            directory = directory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        }
        return directory.appendingPathComponent("vodhook")
    }

    /// This process's variables without those that would change what the
    /// binary prints (`NO_COLOR`, `VODHOOK_KEY`), and `extra`.
    static func variables(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        environment.removeValue(forKey: "VODHOOK_KEY")
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    static func run(_ arguments: [String], stdin: Data? = nil, environment extra: [String: String] = [:]) throws -> Result {
        let run = try ExternalTool.launch(
            binary, arguments, in: packageRoot, environment: variables(extra), input: .bytes(stdin ?? Data()), timeout: 600)
        return Result(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }
}
