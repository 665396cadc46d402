import Foundation

/// Runs shell scripts the way a user types them, with the built `vodhook`
/// first on PATH; for recipes and documentation that name outside tools.
enum Shell {
    /// True when `name` is an executable on PATH; tests that need it skip, saying so, without it.
    static func has(_ name: String) -> Bool {
        ExternalTool.find(name) != nil
    }

    typealias Result = ExternalTool.Result

    static func run(_ script: String, in directory: URL, environment extra: [String: String] = [:], timeout: TimeInterval = 120) throws -> Result {
        var environment = ["PATH": BinaryRunner.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")]
        for (key, value) in extra { environment[key] = value }
        return try ExternalTool.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["bash", "-c", script], in: directory, environment: environment,
            removing: ["NO_COLOR", "VODHOOK_KEY"], timeout: timeout)
    }
}
