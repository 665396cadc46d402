import CZlib

/// `bytes` as one gzip member, made with the system zlib's deflate: the
/// tests build their inputs rather than trust a decoder to check itself.
func gzipped(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
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

/// Lines of NDJSON-like text, with some non-ASCII, long enough to span buffers.
func sampleText(lines: Int) -> [UInt8] {
    var text: [UInt8] = []
    for line in 0..<lines {
        text += Array(#"{"EventType":"FileUploadComplete","VideoId":"\#(line)","Title":"café ☕ \#(line * 7919 % 1000)"}"#.utf8) + [0x0A]
    }
    return text
}
