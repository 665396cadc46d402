import ArgumentParsing
import Platform
import VODHookCore

/// The socket `listen` accepts on, closed when the run ends.
final class ListeningSocket {
    let descriptor: Int32
    /// The port bound: the one asked for, or the one the system chose for 0.
    let port: Int

    private init(descriptor: Int32, port: Int) {
        self.descriptor = descriptor
        self.port = port
    }

    private var isOpen = true

    deinit { close() }

    /// Stops taking connections: new ones are refused rather than queued.
    func close() {
        guard isOpen else { return }
        isOpen = false
        Sockets.close(descriptor)
    }

    /// Binds `host:port` and listens; the failure is a reason to print,
    /// naming the address (quoted: `--host` is whatever the user typed).
    static func bind(host: String, port: Int) -> Result<ListeningSocket, UsageError> {
        do {
            let bound = try Sockets.listen(host: host, port: port)
            return .success(ListeningSocket(descriptor: bound.descriptor, port: bound.port))
        } catch {
            return .failure(UsageError("cannot listen on \(TerminalSafe.quoted(host)) port \(port): \(error.message)"))
        }
    }

    /// A connection, or nil after `milliseconds` or once `wake` is readable.
    func accept(orWake wake: Int32, milliseconds: Int32) -> Int32? {
        Sockets.accept(descriptor, orWake: wake, milliseconds: milliseconds)
    }
}
