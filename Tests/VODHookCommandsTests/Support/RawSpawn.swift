#if os(Linux)
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Starts the binary with argv given as raw bytes (so arguments need not be
/// valid UTF-8), standard input from /dev/null, in a chosen directory, and
/// reports how it ended, a signal included. Lighter than `Process`, so a
/// sweep of thousands of runs stays quick.
enum RawSpawn {
    struct Result: Sendable {
        /// The exit status, when the process exited.
        var status: Int32?
        /// The signal that ended it, when one did.
        var signal: Int32?
        var stdout: [UInt8]
        var stderr: [UInt8]
        var timedOut: Bool
    }

    enum Failure: Error { case pipe, spawn(Int32), noChangeDirectory }

    private typealias AddChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    private typealias PipeWithFlags = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32

    // glibc and musl have both, but the Swift module declares neither.
    private static let addChangeDirectory = dlsym(nil, "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: AddChangeDirectory.self) }
    /// Close-on-exec from the start: another thread's child must not inherit the write end and hold it open.
    private static let pipe2 = dlsym(nil, "pipe2").map { unsafeBitCast($0, to: PipeWithFlags.self) }

    static func run(
        _ executable: String, _ arguments: [[UInt8]], environment: [[UInt8]], directory: String, timeout: Double = 30
    ) throws -> Result {
        guard let addChangeDirectory, let pipe2 else { throw Failure.noChangeDirectory }
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe2(&outPipe, O_CLOEXEC) == 0 else { throw Failure.pipe }
        guard pipe2(&errPipe, O_CLOEXEC) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw Failure.pipe
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        _ = addChangeDirectory(&actions, directory)

        let argv = ([Array(executable.utf8)] + arguments).map(cString)
        let envp = environment.map(cString)
        defer { for pointer in argv + envp { pointer?.deallocate() } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv + [nil], envp + [nil])
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        guard spawned == 0 else { throw Failure.spawn(spawned) }

        var stdout: [UInt8] = [], stderr: [UInt8] = []
        var open = [outPipe[0], errPipe[0]]
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !open.isEmpty {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                timedOut = true
                kill(pid, SIGKILL)
                break
            }
            var polled = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polled, nfds_t(polled.count), Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { break }
            for entry in polled where entry.revents != 0 {
                let count = read(entry.fd, &chunk, chunk.count)
                if count > 0 {
                    if entry.fd == outPipe[0] { stdout += chunk[0..<count] } else { stderr += chunk[0..<count] }
                } else if count == 0 || errno != EINTR {
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED and WTERMSIG are macros Swift cannot import.
        let termination = status & 0x7F
        return Result(
            status: termination == 0 ? (status >> 8) & 0xFF : nil, signal: termination == 0 ? nil : termination,
            stdout: stdout, stderr: stderr, timedOut: timedOut)
    }

    /// A NUL-terminated copy; the caller deallocates it.
    private static func cString(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar>? {
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
        for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
        copy[bytes.count] = 0
        return copy
    }
}
#endif
