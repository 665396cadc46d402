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
                keys.insertionSort(by: precedes)
                return
            }
            keys.sort(by: precedes)
        }
        for entry in keys {
            memberOrder[memberOrderCount] = UInt64(UInt32(entry.key))
            memberOrderCount += 1
        }
    }

    /// The common case of `pushSortedMembers`: plain keys, ordered by
    /// `PlainKeyOrder`. Returns false, having pushed nothing, for any other
    /// object, and for one of more than `PlainKeyOrder.memberLimit` members.
    private mutating func pushSortedPlainMembers(of object: Int) -> Bool {
        let count = Int(nodes[object].count)
        guard count <= PlainKeyOrder.memberLimit else { return false }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { keys in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { words in
                var key = object + 1
                for slot in 0..<count {
                    guard let word = PlainKeyOrder.word(for: nodes[key], slot: slot, in: bytes) else { return false }
                    keys[slot] = Int32(key)
                    words[slot] = word
                    key = Int(nodes[key + 1].next)
                }
                PlainKeyOrder.sort(words, keys: keys, nodes: nodes, bytes: bytes)
                for slot in 0..<count {
                    memberOrder[memberOrderCount] = UInt64(UInt32(keys[Int(words[slot] & 0xFF)]))
                    memberOrderCount += 1
                }
                return true
            }
        }
    }

    /// RFC 8785 order in one pass: the first differing byte decides, and
    /// `CanonicalOrder` says how, so its rule stays in one place. Duplicate
    /// keys (already reported by the reader) keep source order, so the
    /// output is still a function of the input.
    @inline(__always)
    static func keyPrecedes(
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
