import CZlib

/// `bytes` as gzip members of at most `memberBytes` each (a rotated log
/// concatenated), made with the system zlib's deflate: the tests build
/// their inputs rather than trust a decoder to check itself.
public func gzipped(_ bytes: [UInt8], level: Int32 = 6, memberBytes: Int = .max) -> [UInt8] {
    var members: [UInt8] = []
    var start = 0
    repeat {
        let end = min(bytes.count, start + max(memberBytes, 1))
        members += gzipMember(Array(bytes[start..<end]), level: level)
        start = end
    } while start < bytes.count
    return members
}

private func gzipMember(_ bytes: [UInt8], level: Int32) -> [UInt8] {
    var stream = z_stream()
    guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { return [] }
    defer { deflateEnd(&stream) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
    let produced = input.withUnsafeMutableBufferPointer { source in
        output.withUnsafeMutableBufferPointer { target in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            stream.next_out = target.baseAddress
            stream.avail_out = uInt(target.count)
            _ = deflate(&stream, Z_FINISH)
            return target.count - Int(stream.avail_out)
        }
    }
    return Array(output[0..<produced])
}
