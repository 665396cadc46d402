/// Where an HTTP exchange writes its request and reads its answer: plain
/// TCP (`TCPConnection`) or TLS (`TLSConnection`), every wait bounded by a
/// deadline in milliseconds on `MonotonicClock`.
protocol ByteConnection: AnyObject {
    func send(_ bytes: [UInt8], deadline: Int) throws(NetworkFailure)
    /// Appends what arrives to `buffer`; false once the receiver has closed its side.
    func receive(into buffer: inout [UInt8], deadline: Int) throws(NetworkFailure) -> Bool
}

extension TCPConnection: ByteConnection {}
