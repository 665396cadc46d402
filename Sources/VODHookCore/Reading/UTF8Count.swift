enum UTF8Count {
    /// Unicode scalars in `bytes[from..<to]`: every byte that is not a continuation byte.
    static func scalars(in bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> Int {
        var count = 0
        var i = from
        while i < to {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// Line feeds in `bytes[from..<to]`.
    static func newlines(in bytes: UnsafeRawBufferPointer, from: Int, to: Int) -> Int {
        var count = 0
        var i = from
        while i < to {
            count &+= bytes[i] == 0x0A ? 1 : 0
            i += 1
        }
        return count
    }
}
