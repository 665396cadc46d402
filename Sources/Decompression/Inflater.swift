import CZlib

/// One zlib inflate stream set for gzip members (RFC 1952), at a stable
/// address as zlib needs. Reset between members of a multi-member file.
final class Inflater {
    enum Step {
        /// Input or output ran out; call again with more.
        case progressed
        /// The member's trailer (CRC-32 and length) checked out.
        case memberEnded
        /// zlib refused the data; the reason is zlib's own message.
        case damaged(String)
    }

    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let initialized: Bool

    init() {
        stream.initialize(to: z_stream())
        // 15 window bits plus 16: a gzip wrapper and nothing else, so a zlib
        // or raw deflate stream is damage rather than a guess.
        initialized = inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if initialized { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Starts the next member.
    func reset() { if initialized { inflateReset(stream) } }

    /// Inflates from `input` into `output`; returns the bytes consumed and produced.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> (consumed: Int, produced: Int, step: Step) {
        guard initialized else { return (0, 0, .damaged("zlib could not start (out of memory)")) }
        guard let outBase = output.baseAddress, output.count > 0 else { return (0, 0, .progressed) }
        // No input is fine: what zlib holds back (bits read, a match being
        // copied) still comes out. zlib takes a mutable pointer but never writes through next_in.
        stream.pointee.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self)) }
        stream.pointee.avail_in = input.baseAddress == nil ? 0 : uInt(clamping: input.count)
        stream.pointee.next_out = outBase.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(clamping: output.count)
        let availableIn = Int(stream.pointee.avail_in)
        let availableOut = Int(stream.pointee.avail_out)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        let consumed = availableIn - Int(stream.pointee.avail_in)
        let produced = availableOut - Int(stream.pointee.avail_out)
        switch status {
        case Z_STREAM_END:
            return (consumed, produced, .memberEnded)
        case Z_OK, Z_BUF_ERROR:
            return (consumed, produced, .progressed)
        case Z_MEM_ERROR:
            return (consumed, produced, .damaged("zlib ran out of memory"))
        default:
            let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            return (consumed, produced, .damaged(reason))
        }
    }
}
