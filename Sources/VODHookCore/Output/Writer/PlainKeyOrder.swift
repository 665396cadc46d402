/// RFC 8785 key order for plain keys (no escapes, first eight bytes ASCII),
/// shared by the writer and `FlatCanonical`. A key's first seven bytes, read
/// as one big-endian integer, order keys exactly as their bytes do (and so
/// as their UTF-16 code units do, ASCII being the same in both); the low
/// byte holds the key's slot, so sorting moves one word a key. Only keys
/// sharing all seven bytes ("SnapshotCount", "SnapshotType") are compared
/// further. Byte-by-byte comparisons of records took the canonical sort
/// about 1,550 instructions a DeleteMediaComplete callback; this, about 500.
enum PlainKeyOrder {
    /// Objects with more members take the general sort, so that keys sharing
    /// their prefixes cannot make the insertion sort quadratic at length
    /// (and the slot fits the low byte).
    static let memberLimit = 64

    /// The sort word of the key node `key` in slot `slot`, or nil when the
    /// key is not plain.
    @inline(__always)
    static func word(for key: JSONNode, slot: Int, in bytes: UnsafeRawBufferPointer) -> UInt64? {
        let prefix = orderPrefix(bytes, start: key.start + 1, end: key.end - 1)
        guard !key.hasEscapes, prefix & 0x8080_8080_8080_8080 == 0 else { return nil }
        return prefix & ~0xFF | UInt64(slot)
    }

    /// Sorts `words` (made by `word(for:slot:in:)`; `keys[slot]` is the tape
    /// index of the key in that slot) into RFC 8785 order. Duplicate keys
    /// keep source order, as the general sort keeps them.
    @inline(__always)
    static func sort(
        _ words: UnsafeMutableBufferPointer<UInt64>, keys: UnsafeMutableBufferPointer<Int32>,
        nodes: UnsafeBufferPointer<JSONNode>, bytes: UnsafeRawBufferPointer
    ) {
        let count = words.count
        @inline(__always) func precedes(_ a: UInt64, _ b: UInt64) -> Bool {
            guard a >> 8 == b >> 8 else { return a < b }
            // Equal prefixes: both keys are at least seven bytes long, or both
            // are the same shorter key (a plain key holds no NUL byte).
            let first = Int(keys[Int(a & 0xFF)]), second = Int(keys[Int(b & 0xFF)])
            let (x, y) = (nodes[first], nodes[second])
            let shared = min(7, x.end - x.start - 2)
            return TapeWriter.keyPrecedes(
                UnsafeRawBufferPointer(rebasing: bytes[(x.start + 1 + shared)..<(x.end - 1)]), Int32(first),
                UnsafeRawBufferPointer(rebasing: bytes[(y.start + 1 + shared)..<(y.end - 1)]), Int32(second))
        }
        if count > 32 {
            // Larger objects: the integers sorted as they are put keys with
            // different prefixes in order; only runs sharing a prefix are
            // left for the insertion sort below to settle.
            var all = words
            all.sort()
        }
        // Callback objects are small: insertion sort, on integers nearly always.
        words.insertionSort(by: precedes)
    }

    /// The first eight bytes of `bytes[start..<end]` as a big-endian integer,
    /// zero where the key is shorter, so integer order is byte order.
    @inline(__always)
    private static func orderPrefix(_ bytes: UnsafeRawBufferPointer, start: Int, end: Int) -> UInt64 {
        let length = end - start
        // Bytes past a short key are masked off; they are read only when the
        // buffer holds them (a key is followed by at least `:`, a value and `}`).
        guard start + 8 <= bytes.count else {
            var prefix: UInt64 = 0
            for index in 0..<8 { prefix = prefix << 8 | UInt64(index < length ? bytes[start + index] : 0) }
            return prefix
        }
        let word = UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self))
        // A shift by 64 or more gives 0 in Swift, so keys of 8 bytes or more keep the whole word.
        return word & ~(UInt64.max >> (8 * min(length, 8)))
    }
}
