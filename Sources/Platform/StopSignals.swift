import CLibrary

/// SIGINT and SIGTERM, blocked in the listening thread (and so in every
/// connection thread it starts) and asked after between accepts: no
/// handler runs at an arbitrary moment, and nothing global is needed.
public struct StopSignals {
    private var set = sigset_t()
    private var previous = sigset_t()

    public init() {
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
    }

    public mutating func block() {
        pthread_sigmask(SIG_BLOCK, &set, &previous)
    }

    /// Takes a pending SIGINT or SIGTERM, if one came.
    public mutating func takePending() -> Bool {
        var pending = sigset_t()
        sigpending(&pending)
        guard sigismember(&pending, SIGINT) == 1 || sigismember(&pending, SIGTERM) == 1 else { return false }
        var signal: Int32 = 0
        sigwait(&set, &signal)
        return true
    }

    public mutating func restore() {
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
}
