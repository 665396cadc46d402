import CLibrary

/// UTC stamps for requests: the time of day, and the ISO 8601 instant.
public enum WallClock {
    public static func stamp(_ seconds: Int) -> (time: String, instant: String) {
        var value = time_t(seconds)
        var parts = tm()
        gmtime_r(&value, &parts)
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        let time = "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
        return (time, "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(time)Z")
    }
}
