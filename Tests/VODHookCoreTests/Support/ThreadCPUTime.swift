import Foundation

/// CPU time spent by the calling thread: a bound on it does not move when
/// other processes load the machine, as a wall-clock bound does, so a test
/// that guards against quadratic work can bound it without failing on a
/// busy machine.
enum ThreadCPUTime {
    /// Seconds of this thread's CPU time that `work` took.
    static func measure(_ work: () throws -> Void) rethrows -> Double {
        let start = now()
        try work()
        return now() - start
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
