import CLibrary

/// Time for deadlines and durations: monotonic, so a clock change during a
/// run cannot make a request look slow or time out early.
public enum MonotonicClock {
    public static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }

    public static func sleep(milliseconds: Int) {
        var request = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
        var remaining = timespec()
        // A signal cuts the sleep short; sleep on for what is left.
        while nanosleep(&request, &remaining) != 0 && SystemError.last().isInterrupted { request = remaining }
    }
}
