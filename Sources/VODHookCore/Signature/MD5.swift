/// MD5 (RFC 1321), here only because VOD signs its HTTP callbacks with it.
///
/// Streaming, so a caller can hash a URL, a timestamp and a key without first
/// joining them into one buffer. Not for new security designs: MD5 is broken
/// for collision resistance.
public struct MD5: Sendable {
    // 64 bytes held inline so hashing never allocates for partial blocks.
    private typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    private var state = MD5State()
    private var pending: Block = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var totalBytes: UInt64 = 0

    /// Starts a new digest.
    public init() {}

    /// Adds bytes to the digest; the fast path, taking whole blocks straight from the caller's memory.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var next = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        totalBytes &+= UInt64(remaining)

        if pendingCount > 0 {
            let take = min(64 - pendingCount, remaining)
            let offset = pendingCount
            withUnsafeMutableBytes(of: &pending) { buffer in
                buffer.baseAddress!.advanced(by: offset).copyMemory(from: next, byteCount: take)
            }
            pendingCount += take
            next += take
            remaining -= take
            guard pendingCount == 64 else { return }
            compressPending()
        }

        while remaining >= 64 {
            state.compress(next)
            next += 64
            remaining -= 64
        }

        if remaining > 0 {
            let tail = remaining
            withUnsafeMutableBytes(of: &pending) { buffer in
                buffer.baseAddress!.copyMemory(from: next, byteCount: tail)
            }
            pendingCount = tail
        }
    }

    /// Adds bytes to the digest; contiguous collections take the fast path.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        guard handled == nil else { return }
        for byte in bytes {
            totalBytes &+= 1
            appendByte(byte)
        }
    }

    /// Pads the message as RFC 1321 §3.1–3.2 require and returns the 16-byte digest.
    public consuming func finalize() -> [UInt8] {
        let bitLength = totalBytes &* 8
        appendByte(0x80)
        while pendingCount != 56 {
            appendByte(0)
        }
        for shift in stride(from: 0, to: 64, by: 8) {
            appendByte(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        return state.digest
    }

    // The slow path for non-contiguous sequences and for padding; it leaves
    // totalBytes alone so padding does not count towards the message length.
    private mutating func appendByte(_ byte: UInt8) {
        let offset = pendingCount
        withUnsafeMutableBytes(of: &pending) { buffer in
            buffer[offset] = byte
        }
        pendingCount += 1
        if pendingCount == 64 {
            compressPending()
        }
    }

    private mutating func compressPending() {
        // A copy keeps the read of the buffer apart from the write to the state.
        var block = pending
        withUnsafeBytes(of: &block) { state.compress($0.baseAddress!) }
        pendingCount = 0
    }
}
