import CLibrary

/// An `errno` value from a failed system call, compared by name rather
/// than by number: the numbers differ between Linux and Darwin.
public struct SystemError: Error, Sendable, Hashable {
    public let code: Int32

    public init(code: Int32) { self.code = code }

    /// The calling thread's `errno` right after a failed call.
    @inlinable public static func last() -> SystemError { SystemError(code: errno) }

    public static let noSuchFile = SystemError(code: ENOENT)
    public static let permissionDenied = SystemError(code: EACCES)
    public static let isDirectory = SystemError(code: EISDIR)
    public static let notDirectory = SystemError(code: ENOTDIR)
    public static let alreadyExists = SystemError(code: EEXIST)

    /// The C library's wording, lowercased to fit in a diagnostic.
    public var message: String { String(cString: strerror(code)).lowercased() }

    /// Interrupted by a signal: the call is simply made again.
    @inlinable public var isInterrupted: Bool { code == EINTR }
    /// A non-blocking socket has nothing to give or take right now.
    public var wouldBlock: Bool { code == EAGAIN || code == EWOULDBLOCK }
}
