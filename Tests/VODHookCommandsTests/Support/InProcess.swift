import Foundation
import VODHookCommands

/// Runs a command in-process with memory sinks, as a user would from a shell.
enum InProcess {
    struct Result {
        var status: ExitCode
        var stdout: [UInt8]
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard output split into lines, without the newlines.
        var lines: [[UInt8]] { stdout.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init) }
    }

    static func run(_ arguments: [String], variables: [String: String] = [:], standardInput: Int32 = 0) -> Result {
        let output = MemoryOutput(), errors = MemoryOutput()
        let environment = CommandEnvironment(
            output: output, errors: errors, standardInput: standardInput, variables: variables, now: { 1_764_316_801 })
        let status = VODHook.run(arguments: arguments, environment: environment)
        return Result(status: status, stdout: output.bytes, stderr: errors.text)
    }

    /// `vodhook check --format json` on a file: each document's rule IDs.
    static func checkRules(_ path: String) throws -> [[String]] {
        let result = run(["check", "--format", "json", path])
        return try result.lines.map { line in
            let record = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] ?? [:]
            let diagnostics = record["diagnostics"] as? [[String: Any]] ?? []
            return diagnostics.compactMap { $0["rule"] as? String }
        }
    }

    /// A fresh directory under the system's temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
