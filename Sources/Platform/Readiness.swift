import CLibrary

/// Whether reading a descriptor would wait, asked without waiting: commands
/// write out what they have before a read of a pipe or terminal would block.
public enum Readiness {
    /// True when bytes (or the end of input, or an error to report) are
    /// ready now, or within `milliseconds`.
    public static func hasInput(_ descriptor: Int32, within milliseconds: Int32 = 0) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&entry, 1, milliseconds)
            if ready >= 0 { return ready > 0 }
            // A failed poll says nothing about the descriptor: let the read find out.
            if errno != EINTR { return true }
        }
    }
}
