/// Finds keys that repeat within one object, compared after unescaping
/// (`"a"` and `"\u0061"` are the same key). Linear in the number of keys: a
/// hash table per object, so a million-key object costs no more than reading
/// it, even when every key repeats. Scratch arrays are reused across documents.
struct DuplicateKeyFinder {
    /// A key that repeats: tape indices of its first and of this later occurrence.
    struct Duplicate: Equatable {
        let first: Int
        let repeated: Int
    }

    private var hashes: [UInt64] = []
    private var keys: [Int] = []
    /// Open addressing: indices into `keys`, -1 for an empty slot.
    private var slots: [Int32] = []

    /// Every repeat in the document, in tape (and so source) order.
    mutating func find(in document: JSONDocument) -> [Duplicate] {
        var found: [Duplicate] = []
        document.nodes.withUnsafeBufferPointer { nodes in
            for index in nodes.indices where nodes[index].kind == .object && nodes[index].count > 1 {
                if nodes[index].count <= 32 {
                    Self.findInSmallObject(index, nodes, document, into: &found)
                } else {
                    findInObject(index, of: document, into: &found)
                }
            }
        }
        // Objects come in tape order, but an outer object's repeat may follow an inner one's.
        if found.count > 1 { found.sort { $0.repeated < $1.repeated } }
        return found
    }

    /// Few keys (the usual callback): signatures on the stack compared
    /// pairwise, so no table and no allocation.
    private static func findInSmallObject(
        _ object: Int, _ nodes: UnsafeBufferPointer<JSONNode>, _ document: JSONDocument, into found: inout [Duplicate]
    ) {
        let count = Int(nodes[object].count)
        // A document with an object has bytes; node offsets lie inside them.
        guard let base = document.bytes.baseAddress else { return }
        withUnsafeTemporaryAllocation(of: (signature: UInt64, key: Int).self, capacity: count) { entries in
            var key = object &+ 1
            // One bit per signature's top six bits: only a key whose bit is
            // already set can repeat one, so the rest skip the pairwise scan.
            var seen: UInt64 = 0
            for later in 0..<count {
                let node = nodes[key]
                // A plain key's text straight from its node, with wrapping
                // arithmetic: the parser recorded both quotes inside `bytes`,
                // so the range is valid, and the checked slice cost ~10
                // instructions a key.
                let signature = node.hasEscapes
                    ? document.withDecodedString(key, Self.signature)
                    : Self.signature(UnsafeRawBufferPointer(start: base + (node.start &+ 1), count: node.end &- node.start &- 2))
                let bit: UInt64 = 1 &<< (signature &>> 58)
                if seen & bit != 0 {
                    for earlier in 0..<later where entries[earlier].signature == signature && sameKey(entries[earlier].key, key, document) {
                        found.append(Duplicate(first: entries[earlier].key, repeated: key))
                        break
                    }
                }
                seen |= bit
                entries[later] = (signature, key)
                key = Int(nodes[key &+ 1].next)
            }
        }
    }

    private mutating func findInObject(_ object: Int, of document: JSONDocument, into found: inout [Duplicate]) {
        hashes.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        for (key, _) in document.members(of: object) {
            hashes.append(document.withDecodedString(key, Self.hash))
            keys.append(key)
        }
        var capacity = 64
        while capacity < keys.count * 2 { capacity *= 2 }
        let mask = capacity - 1
        slots.removeAll(keepingCapacity: true)
        slots.append(contentsOf: repeatElement(-1, count: capacity))
        for later in keys.indices {
            var slot = Int(truncatingIfNeeded: hashes[later]) & mask
            while true {
                let earlier = Int(slots[slot])
                if earlier < 0 {
                    // Only first occurrences go in, so a repeat is matched to the first.
                    slots[slot] = Int32(later)
                    break
                }
                if hashes[earlier] == hashes[later] && Self.sameKey(keys[earlier], keys[later], document) {
                    found.append(Duplicate(first: keys[earlier], repeated: keys[later]))
                    break
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private static func sameKey(_ a: Int, _ b: Int, _ document: JSONDocument) -> Bool {
        if !document.nodes[a].hasEscapes && !document.nodes[b].hasEscapes {
            return document.rawBytes(of: a).elementsEqual(document.rawBytes(of: b))
        }
        return document.decodedBytes(a) == document.decodedBytes(b)
    }

    /// The length and the first and last bytes (up to eight each), mixed:
    /// equal keys get equal signatures, and keys that differ nearly always
    /// differ in one of these, at a cost that does not grow with the key.
    /// Only for the pairwise path: crafted keys sharing one cannot make it
    /// worse than 32².
    private static func signature(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var head: UInt64 = 0
        var tail: UInt64 = 0
        if count >= 8 {
            head = bytes.loadUnaligned(as: UInt64.self)
            tail = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            head = UInt64(bytes.loadUnaligned(as: UInt32.self))
            tail = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        } else {
            for i in 0..<count { head = head << 8 | UInt64(bytes[i]) }
        }
        return ((head ^ UInt64(count) << 59) &* 0x9E37_79B9_7F4A_7C15 ^ tail) &* 0xFF51_AFD7_ED55_8CCD
    }

    /// FNV-1a, finished with a multiply-shift so the low bits that pick a
    /// slot depend on every byte.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3
        }
        return (hash ^ hash >> 32) &* 0x9E37_79B9_7F4A_7C15
    }
}
