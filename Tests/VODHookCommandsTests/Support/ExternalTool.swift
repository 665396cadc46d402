import Foundation

/// Runs a program to its end (the built `vodhook`, a shell, groff, make,
/// python3, ldd, md5sum) and collects what it printed: the one launcher for
/// whole runs. `BinaryRunner`, `Spawn`, `Shell`, `PythonTool` and
/// `ConsoleExamples` are this with their defaults; only `RawSpawn` (argv as
/// raw bytes, which `Process` cannot pass), `LiveProcess` (a test talking to
/// a running process) and `TLSTestServer` (a receiver running beside a test)
/// start processes otherwise.
enum ExternalTool {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// What a run of `launch` saw.
    struct Launch {
        var status: Int32
        var exitedNormally: Bool
        var stdout: Data
        var stderr: Data
        var timedOut: Bool
    }

    /// Where standard input comes from.
    enum Input {
        case nothing
        case bytes(Data)
        case handle(FileHandle)
    }

    /// The program's full path, or nil when no PATH entry holds it.
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs to the end, or is terminated after `timeout` seconds (a driven shell that never answers).
    static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:],
        removing removed: Set<String> = [], timeout: TimeInterval = 600
    ) throws -> Result {
        var environment = ProcessInfo.processInfo.environment.filter { !removed.contains($0.key) }
        for (key, value) in extra { environment[key] = value }
        let run = try launch(executable, arguments, in: directory ?? BinaryRunner.packageRoot, environment: environment, timeout: timeout)
        return Result(status: run.status, stdout: String(decoding: run.stdout, as: UTF8.self), stderr: String(decoding: run.stderr, as: UTF8.self))
    }

    /// Starts `executable` and collects both outputs at once (so a large
    /// one cannot block the child), ending it after `timeout` seconds, which
    /// only a failing test reaches. `closeOutputAfter`: read this many
    /// bytes of standard output, then close the pipe as `head` does.
    /// `mergingErrors`: standard error goes into standard output's pipe, in
    /// the order a terminal shows them (`stderr` is then empty).
    static func launch(
        _ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String],
        input: Input = .nothing, closeOutputAfter: Int? = nil, mergingErrors: Bool = false, timeout: TimeInterval
    ) throws -> Launch {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let output = Pipe(), errors = Pipe(), inputPipe = Pipe()
        process.standardOutput = output
        process.standardError = mergingErrors ? output : errors
        switch input {
        case .nothing: process.standardInput = FileHandle.nullDevice
        case .bytes: process.standardInput = inputPipe
        case .handle(let handle): process.standardInput = handle
        }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        let timedOut = TimeoutFlag()
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [process] in
            if process.isRunning {
                timedOut.set()
                process.terminate()
            }
        }
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async {
            if let limit = closeOutputAfter {
                while outData.count < limit {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    outData += chunk
                }
                try? output.fileHandleForReading.close()
            } else {
                outData = output.fileHandleForReading.readDataToEndOfFile()
            }
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            if !mergingErrors { errData = errors.fileHandleForReading.readDataToEndOfFile() }
            group.leave()
        }
        if case .bytes(let bytes) = input {
            inputPipe.fileHandleForWriting.write(bytes)
            try? inputPipe.fileHandleForWriting.close()
        }
        group.wait()
        finished.wait()
        return Launch(
            status: process.terminationStatus, exitedNormally: process.terminationReason == .exit,
            stdout: outData, stderr: errData, timedOut: timedOut.isSet)
    }

    private final class TimeoutFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }
}
