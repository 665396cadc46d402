import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The binary running alongside a test: standard input written piece by
/// piece, standard output and error collected as they arrive, so a test
/// can wait for what it expects (a finding, a banner) instead of sleeping.
final class LiveProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let condition = NSCondition()
    private var outBytes = Data()
    private var errBytes = Data()
    private var openStreams = 2
    private let exited = DispatchSemaphore(value: 0)

    init(_ arguments: [String], environment extra: [String: String] = [:]) throws {
        process.executableURL = BinaryRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = BinaryRunner.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        environment.removeValue(forKey: "VODHOOK_KEY")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        process.terminationHandler = { [exited] _ in exited.signal() }
        try process.run()
        collect(output.fileHandleForReading, isOutput: true)
        collect(errors.fileHandleForReading, isOutput: false)
    }

    private func collect(_ handle: FileHandle, isOutput: Bool) {
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                condition.lock()
                if chunk.isEmpty { openStreams -= 1 } else if isOutput { outBytes += chunk } else { errBytes += chunk }
                condition.broadcast()
                condition.unlock()
                if chunk.isEmpty { return }
            }
        }
    }

    var stdout: String { condition.withLock { String(decoding: outBytes, as: UTF8.self) } }
    var stderr: String { condition.withLock { String(decoding: errBytes, as: UTF8.self) } }

    /// Waits until `ready` holds for standard output (or error), or the time
    /// runs out, which only a failing test reaches (so it is generous: a loaded
    /// machine must not fail a test); returns whether it held.
    @discardableResult
    func waitFor(stderr onErrors: Bool = false, timeout: TimeInterval = 120, _ ready: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            let text = String(decoding: onErrors ? errBytes : outBytes, as: UTF8.self)
            if ready(text) { return true }
            if openStreams == 0 || !condition.wait(until: deadline) { return ready(String(decoding: onErrors ? errBytes : outBytes, as: UTF8.self)) }
        }
    }

    /// The port `listen` announced in its start-up line.
    func listenPort() -> Int? {
        var port: Int?
        waitFor(stderr: true) { text in
            guard let range = text.range(of: #"http://127\.0\.0\.1:([0-9]+)/"#, options: .regularExpression) else { return false }
            port = Int(text[range].dropFirst("http://127.0.0.1:".count).dropLast())
            return true
        }
        return port
    }

    func write(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    var pid: Int32 { process.processIdentifier }

    /// A line of /proc/PID/status, such as Threads or VmHWM, as a number; nil where there is no /proc.
    func status(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") })
        else { return nil }
        return Int(line.dropFirst(field.count + 1).split(separator: " ").first ?? "")
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// The exit status, once the process ends and its output is drained; nil if it runs past `timeout` (then it is killed).
    func wait(timeout: TimeInterval = 60) -> Int32? {
        closeInput()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            exited.wait()
            return nil
        }
        waitFor(timeout: 10) { _ in false }
        return process.terminationStatus
    }
}
