#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Runs a command with this process's standard streams and reports how it
/// ended and its peak resident memory, from wait4(2): one line,
/// `exit=N signal=N maxrss_kb=N seconds=N.NN`, on standard error.
enum Measure {
    static func run(_ command: [String], report: String?) -> Int32 {
        guard !command.isEmpty else {
            fputs("stress-tool measure: no command\n", stderr)
            return 2
        }
        var start = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        var pid: pid_t = 0
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, command[0], nil, nil, argv, environ)
        guard spawned == 0 else {
            fputs("stress-tool measure: cannot run \(command[0]): \(String(cString: strerror(spawned)))\n", stderr)
            return 2
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        var end = timespec()
        clock_gettime(CLOCK_MONOTONIC, &end)
        let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        let signal = status & 0x7F
        let exitCode = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        let hundredths = Int((seconds * 100).rounded())
        let line = "exit=\(signal == 0 ? exitCode : -1) signal=\(signal) maxrss_kb=\(usage.ru_maxrss) seconds=\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)\n"
        if let report, let file = fopen(report, "w") {
            fputs(line, file)
            fclose(file)
        } else {
            fputs(line, stderr)
        }
        return exitCode
    }
}
