/// Case-insensitive comparison for ASCII field names, on bytes.
enum ASCIICase {
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    static func equalIgnoringCase(_ a: some Sequence<UInt8>, _ b: some Sequence<UInt8>) -> Bool {
        a.elementsEqual(b) { lower($0) == lower($1) }
    }

    /// The same on buffers, as the validator asks of every key of a
    /// matching length: a plain loop instead of two generic iterators.
    static func equalIgnoringCase(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard a.count == b.count else { return false }
        for index in 0..<a.count where lower(a[index]) != lower(b[index]) { return false }
        return true
    }

    /// Space, tab, CR or LF: what a key copied from a table or a doc's
    /// example carries around a field name ("ErrorCode ").
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// A key without its surrounding whitespace.
    static func trimmed(_ key: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0, end = key.count
        while start < end && isSpace(key[start]) { start += 1 }
        while end > start && isSpace(key[end - 1]) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: key[start..<end])
    }
}
