import Foundation

/// Runs the binary with any standard input (a file, a directory) and an
/// optional early close of its output, for what `BinaryRunner` cannot set up.
enum Spawn {
    struct Result {
        var status: Int32
        var exitedNormally: Bool
        var stdout: Data
        var stderr: Data
        var timedOut: Bool
    }

    /// `closeOutputAfter`: read this many bytes of standard output, then close
    /// the pipe as `head` does; nil reads it all.
    static func run(
        _ arguments: [String], stdin: FileHandle = FileHandle.nullDevice, closeOutputAfter: Int? = nil, timeout: TimeInterval = 60
    ) throws -> Result {
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = BinaryRunner.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = stdin
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()

        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async { errData = errors.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        var outData = Data()
        if let limit = closeOutputAfter {
            while outData.count < limit {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                outData += chunk
            }
            try output.fileHandleForReading.close()
        } else {
            outData = output.fileHandleForReading.readDataToEndOfFile()
        }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            finished.wait()
        }
        group.wait()
        return Result(
            status: process.terminationStatus, exitedNormally: process.terminationReason == .exit,
            stdout: outData, stderr: errData, timedOut: timedOut)
    }
}
