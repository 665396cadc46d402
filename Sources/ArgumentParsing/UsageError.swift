/// A command line the command cannot accept, worded for the person who typed it.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One lowercase line without a trailing period, ready to follow "error: ".
    public let message: String

    /// Wraps a message, so commands can report their own usage problems the same way.
    public init(_ message: String) {
        self.message = message
    }

    /// The message itself, so interpolating the error prints it plainly.
    public var description: String { message }
}
