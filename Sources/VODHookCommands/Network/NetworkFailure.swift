/// Why an exchange with a receiver went wrong, in words for the report.
enum NetworkFailure: Error, Equatable {
    /// The host name does not resolve; trying again will not help.
    case unresolvable(String)
    /// No address of the host took the connection.
    case unreachable(String)
    /// The deadline passed while waiting for the receiver.
    case timedOut
    /// The connection failed after it was made.
    case broken(String)
    /// The TLS handshake failed: most often the receiver's certificate was refused.
    case tls(TLSFailure)
}
