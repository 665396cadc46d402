import Platform

/// Finding and counting one byte value, mostly line feeds: `memchr` jumps
/// over a typical line in a few vector steps where a byte loop takes hundreds.
enum ByteSearch {
    /// Offset of the first `byte` in `bytes[from..<to]`, or nil.
    @inline(__always) static func first(_ byte: UInt8, in bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        guard from < to, let base = bytes.baseAddress else { return nil }
        guard let found = Memory.first(byte, from: base + from, count: to - from) else { return nil }
        return found - base
    }

    /// Offset of the last `byte` in `bytes[from..<to]`, or nil.
    static func last(_ byte: UInt8, in bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> Int? {
        var i = to
        while i > from {
            i -= 1
            if bytes[i] == byte { return i }
        }
        return nil
    }

    /// How many times `byte` occurs in `bytes[from..<to]`.
    static func count(_ byte: UInt8, in bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> Int {
        var total = 0
        var i = from
        while let found = first(byte, in: bytes, from: i, to: to) {
            total += 1
            i = found + 1
        }
        return total
    }
}
