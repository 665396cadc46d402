/// A key being sorted for canonical output, with where its decoded UTF-8
/// lies: in the document when it has no escapes, else in `scratch`.
struct SortKey {
    var key: Int32
    var isDecoded: Bool
    var start: Int
    var end: Int
}

extension TapeWriter {
    /// Pushes an object's keys in RFC 8785 order (UTF-16 code units of the
    /// decoded keys). Escaped keys are decoded once up front, not per comparison.
    mutating func pushSortedMembers(of object: Int) {
        if takesShortcuts, pushSortedPlainMembers(of: object) { return }
        let count = Int(nodes[object].count)
        scratch.removeAll(keepingCapacity: true)
        var key = object + 1
        for slot in 0..<count {
            let node = nodes[key]
            if node.hasEscapes {
                let start = scratch.count
                JSONString.decode(bytes, start: node.start, end: node.end, into: &scratch)
                sortKeys[slot] = SortKey(key: Int32(key), isDecoded: true, start: start, end: scratch.count)
            } else {
                sortKeys[slot] = SortKey(key: Int32(key), isDecoded: false, start: node.start + 1, end: node.end - 1)
            }
            key = Int(nodes[key + 1].next)
        }
        let document = bytes
        var keys = UnsafeMutableBufferPointer(rebasing: sortKeys[0..<count])
        scratch.withUnsafeBytes { decoded in
            let precedes = { (a: SortKey, b: SortKey) -> Bool in
                let first = UnsafeRawBufferPointer(rebasing: (a.isDecoded ? decoded : document)[a.start..<a.end])
                let second = UnsafeRawBufferPointer(rebasing: (b.isDecoded ? decoded : document)[b.start..<b.end])
                return Self.keyPrecedes(first, a.key, second, b.key)
            }
            guard count > 16 else {
                // Callback objects are small and often sorted already, where
                // insertion sort makes one comparison per key.
                for i in stride(from: 1, to: count, by: 1) {
                    let entry = keys[i]
                    var j = i
                    while j > 0 && precedes(entry, keys[j - 1]) {
                        keys[j] = keys[j - 1]
                        j -= 1
                    }
                    keys[j] = entry
                }
                return
            }
            keys.sort(by: precedes)
        }
        for entry in keys {
            memberOrder[memberOrderCount] = UInt64(UInt32(entry.key))
            memberOrderCount += 1
        }
    }

    /// The common case of `pushSortedMembers`: no key has escapes and every
    /// key's first eight bytes are ASCII. A key's first seven bytes, read as
    /// one big-endian integer, then order keys exactly as their bytes do (and
    /// so as their UTF-16 code units do, ASCII being the same in both); the
    /// low byte holds the key's slot, so sorting moves one word a key. Only
    /// keys sharing all seven bytes ("SnapshotCount", "SnapshotType") are
    /// compared further. Returns false, having pushed nothing, for any other
    /// object, and for one of more than 64 members, so that keys sharing
    /// their prefixes cannot make the insertion sort quadratic at length.
    private mutating func pushSortedPlainMembers(of object: Int) -> Bool {
        let count = Int(nodes[object].count)
        guard count <= 64 else { return false }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { keys in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { words in
                var key = object + 1
                for slot in 0..<count {
                    let node = nodes[key]
                    let prefix = Self.orderPrefix(bytes, start: node.start + 1, end: node.end - 1)
                    guard !node.hasEscapes, prefix & 0x8080_8080_8080_8080 == 0 else { return false }
                    keys[slot] = Int32(key)
                    words[slot] = prefix & ~0xFF | UInt64(slot)
                    key = Int(nodes[key + 1].next)
                }
                let (document, nodes) = (bytes, nodes)
                @inline(__always) func precedes(_ a: UInt64, _ b: UInt64) -> Bool {
                    guard a >> 8 == b >> 8 else { return a < b }
                    // Equal prefixes: both keys are at least seven bytes long, or both
                    // are the same shorter key (a plain key holds no NUL byte).
                    let first = Int(keys[Int(a & 0xFF)]), second = Int(keys[Int(b & 0xFF)])
                    let (x, y) = (nodes[first], nodes[second])
                    let shared = min(7, x.end - x.start - 2)
                    return Self.keyPrecedes(
                        UnsafeRawBufferPointer(rebasing: document[(x.start + 1 + shared)..<(x.end - 1)]), Int32(first),
                        UnsafeRawBufferPointer(rebasing: document[(y.start + 1 + shared)..<(y.end - 1)]), Int32(second))
                }
                if count > 32 {
                    // Large objects: the integers sorted as they are put keys
                    // with different prefixes in order; only runs sharing a
                    // prefix are left for the insertion sort below to settle.
                    var all = words
                    all.sort()
                }
                // Callback objects are small: insertion sort, on integers nearly always.
                for i in stride(from: 1, to: count, by: 1) {
                    let entry = words[i]
                    var j = i
                    while j > 0 && precedes(entry, words[j - 1]) {
                        words[j] = words[j - 1]
                        j -= 1
                    }
                    words[j] = entry
                }
                for slot in 0..<count {
                    memberOrder[memberOrderCount] = UInt64(UInt32(keys[Int(words[slot] & 0xFF)]))
                    memberOrderCount += 1
                }
                return true
            }
        }
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

    /// RFC 8785 order in one pass: the first differing byte decides, and
    /// `CanonicalOrder` says how, so its rule stays in one place. Duplicate
    /// keys (already reported by the reader) keep source order, so the
    /// output is still a function of the input.
    @inline(__always)
    private static func keyPrecedes(
        _ first: UnsafeRawBufferPointer, _ firstKey: Int32, _ second: UnsafeRawBufferPointer, _ secondKey: Int32
    ) -> Bool {
        let shared = min(first.count, second.count)
        var i = 0
        while i < shared && first[i] == second[i] { i += 1 }
        if i < shared { return CanonicalOrder.precedes(CollectionOfOne(first[i]), CollectionOfOne(second[i])) }
        return first.count != second.count ? first.count < second.count : firstKey < secondKey
    }

    /// Pushes an object's keys with the names of order `order` first, in
    /// list order, and the rest in source order. Returns false, pushing
    /// nothing, when the source order already satisfies the list: the common
    /// case for callbacks that were normalized before needs no reordering.
    /// An order with nested orders is always pushed, as its members' ranks
    /// choose their values' orders.
    mutating func pushRankedMembers(of object: Int, order: Int32) -> Bool {
        let keyOrder = topLevelOrder.order(order)
        let count = Int(nodes[object].count)
        let base = memberOrderCount
        var inOrder = true
        var previousRank = 0
        var key = object + 1
        for slot in 0..<count {
            // The first key is hinted at rank 0, each later one just after the last.
            let rank = rank(ofKey: key, in: keyOrder, hint: slot == 0 ? 0 : previousRank + 1)
            if rank < previousRank { inOrder = false }
            previousRank = rank
            // Rank above the tape index: a plain integer sort groups by rank
            // and keeps source order within each group.
            memberOrder[base + slot] = UInt64(rank) << 32 | UInt64(key)
            key = Int(nodes[key + 1].next)
        }
        guard !inOrder || keyOrder.hasChildOrders else { return false }
        var run = UnsafeMutableBufferPointer(rebasing: memberOrder[base..<(base + count)])
        run.sort()
        memberOrderCount += count
        return true
    }

    private mutating func rank(ofKey key: Int, in keyOrder: KeyOrder, hint: Int) -> Int {
        let node = nodes[key]
        guard node.hasEscapes else {
            return keyOrder.rank(of: UnsafeRawBufferPointer(rebasing: bytes[(node.start + 1)..<(node.end - 1)]), hint: hint)
        }
        scratch.removeAll(keepingCapacity: true)
        JSONString.decode(bytes, start: node.start, end: node.end, into: &scratch)
        return scratch.withUnsafeBytes { keyOrder.rank(of: $0, hint: hint) }
    }
}
