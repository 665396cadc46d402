import CLibrary

/// The process as a whole: its environment, signals, processors, the
/// wall clock and its end.
public enum ProcessContext {
    /// The environment variables, as the process was started with them.
    public static func environmentVariables() -> [String: String] {
        var variables: [String: String] = [:]
        #if canImport(Darwin)
        // Darwin declares no `environ` for Swift; this is its accessor.
        guard var entry = _NSGetEnviron()?.pointee else { return [:] }
        #else
        var entry = environ
        #endif
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "=") {
                variables[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            entry += 1
        }
        return variables
    }

    /// A closed pipe must not kill the process: writes to it then fail with
    /// EPIPE instead, and the writer decides what to do.
    public static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Processors online now, at least 1.
    public static func processorCount() -> Int {
        max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1)
    }

    /// The current UNIX time in whole seconds.
    public static func unixTime() -> Int { Int(time(nil)) }

    /// Ends the process with `status`, flushing C stdio as `exit(3)` does.
    public static func exit(_ status: Int32) -> Never { CLibrary.exit(status) }
}
