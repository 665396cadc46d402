import Foundation

/// python3 with a module, as an outside reader of the tool's reports: its
/// `jsonschema` for SARIF, its `xml.etree` for JUnit. Tests that need it are
/// skipped, saying why, where it is missing.
enum PythonTool {
    /// The python3 on PATH, if there is one.
    static let interpreter: URL? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Whether python3 runs and can import `module`.
    static func has(_ module: String) -> Bool {
        (try? run(["-c", "import \(module)"]))?.status == 0
    }

    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs python3 with `arguments`; stdout and stderr together.
    static func run(_ arguments: [String]) throws -> Result {
        guard let interpreter else { return Result(status: 127, output: "python3 is not on PATH") }
        let run = try ExternalTool.launch(
            interpreter, arguments, in: BinaryRunner.packageRoot, environment: ProcessInfo.processInfo.environment,
            mergingErrors: true, timeout: 600)
        return Result(status: run.status, output: String(decoding: run.stdout, as: UTF8.self))
    }
}
