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
        for index in document.nodes.indices where document.nodes[index].kind == .object && document.nodes[index].count > 1 {
            findInObject(index, of: document, into: &found)
        }
        // Objects come in tape order, but an outer object's repeat may follow an inner one's.
        if found.count > 1 { found.sort { $0.repeated < $1.repeated } }
        return found
    }

    private mutating func findInObject(_ object: Int, of document: JSONDocument, into found: inout [Duplicate]) {
        hashes.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        for (key, _) in document.members(of: object) {
            hashes.append(document.withDecodedString(key, Self.hash))
            keys.append(key)
        }
        // Few keys (the usual callback): compare hashes pairwise, no table.
        if keys.count <= 32 {
            for later in 1..<keys.count {
                for earlier in 0..<later where hashes[earlier] == hashes[later] && sameKey(keys[earlier], keys[later], document) {
                    found.append(Duplicate(first: keys[earlier], repeated: keys[later]))
                    break
                }
            }
            return
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
                if hashes[earlier] == hashes[later] && sameKey(keys[earlier], keys[later], document) {
                    found.append(Duplicate(first: keys[earlier], repeated: keys[later]))
                    break
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private func sameKey(_ a: Int, _ b: Int, _ document: JSONDocument) -> Bool {
        if !document.nodes[a].hasEscapes && !document.nodes[b].hasEscapes {
            return document.rawBytes(of: a).elementsEqual(document.rawBytes(of: b))
        }
        return document.decodedBytes(a) == document.decodedBytes(b)
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
