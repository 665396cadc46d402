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

    /// What the built binary would do with these arguments, run from the
    /// package root with standard input from `standardInputPath` (an empty
    /// pipe without one) and the variables `BinaryRunner` gives it, at the
    /// real time: the binary's `main` is this one call and two flushes.
    static func runLikeBinary(_ arguments: [String], standardInputPath: String? = nil) throws -> BinaryRunner.Result {
        let input: FileHandle
        if let standardInputPath {
            input = try FileHandle(forReadingFrom: BinaryRunner.packageRoot.appendingPathComponent(standardInputPath))
        } else {
            let empty = Pipe()
            try empty.fileHandleForWriting.close()
            input = empty.fileHandleForReading
        }
        defer { try? input.close() }
        let output = MemoryOutput(), errors = MemoryOutput()
        let environment = CommandEnvironment(
            output: output, errors: errors, standardInput: input.fileDescriptor, variables: BinaryRunner.variables(),
            workingDirectory: packageRootAsWorkingDirectory)
        let status = VODHook.run(arguments: arguments, environment: environment)
        return BinaryRunner.Result(status: status.rawValue, stdout: Data(output.bytes), stderr: Data(errors.bytes))
    }

    /// `BinaryRunner.run` in this process: the same arguments, variables and
    /// working directory, `stdin` arriving through a pipe as it does for the
    /// binary, written by a thread of its own so a large one cannot block.
    /// For tests of what a command prints and its exit status; what only a
    /// process has (a signal, a closed output, a terminal) stays spawned.
    static func runLikeBinary(_ arguments: [String], stdin: Data?, environment extra: [String: String] = [:]) throws -> BinaryRunner.Result {
        // A command that stops reading leaves the writer a closed pipe: an error, as the binary makes it, not a signal.
        signal(SIGPIPE, SIG_IGN)
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        let bytes = [UInt8](stdin ?? Data())
        let written = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            var offset = 0
            while offset < bytes.count {
                let count = bytes[offset...].withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                offset += count
            }
            close(writeEnd)
            written.signal()
        }
        let output = MemoryOutput(), errors = MemoryOutput()
        let environment = CommandEnvironment(
            output: output, errors: errors, standardInput: readEnd, variables: BinaryRunner.variables(extra),
            workingDirectory: packageRootAsWorkingDirectory)
        let status = VODHook.run(arguments: arguments, environment: environment)
        close(readEnd)
        written.wait()
        return BinaryRunner.Result(status: status.rawValue, stdout: Data(output.bytes), stderr: Data(errors.bytes))
    }

    /// Relative paths in arguments name files from the package root, as for
    /// the spawned binary: `swift test` starts there, and this makes sure of
    /// it once, before any in-process run that relies on it.
    static let packageRootAsWorkingDirectory: String = {
        let root = BinaryRunner.packageRoot.path
        if FileManager.default.currentDirectoryPath != root { _ = FileManager.default.changeCurrentDirectoryPath(root) }
        return root
    }()

    /// A run of the argument sweep in this process: arguments and variables
    /// as raw bytes, decoded as the binary's runtime decodes argv and
    /// `environ` (invalid UTF-8 repaired), standard input from /dev/null and
    /// no working directory to find a configuration file in.
    static func runLikeBinary(rawArguments arguments: [[UInt8]], environment entries: [[UInt8]]) -> RawSpawn.Result {
        var variables: [String: String] = [:]
        for entry in entries {
            let pair = String(decoding: entry, as: UTF8.self)
            if let equals = pair.firstIndex(of: "=") { variables[String(pair[..<equals])] = String(pair[pair.index(after: equals)...]) }
        }
        let output = MemoryOutput(), errors = MemoryOutput()
        let environment = CommandEnvironment(
            output: output, errors: errors, standardInput: FileHandle.nullDevice.fileDescriptor, variables: variables)
        let status = VODHook.run(arguments: arguments.map { String(decoding: $0, as: UTF8.self) }, environment: environment)
        return RawSpawn.Result(status: status.rawValue, signal: nil, stdout: output.bytes, stderr: errors.bytes, timedOut: false)
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
