/// Finds keys that repeat within one object, compared after unescaping
/// (`"a"` and `"\u0061"` are the same key). Linear in the number of keys:
/// keys are bucketed by a hash, so a million-key object costs no more than
/// reading it. Scratch arrays are reused across documents.
struct DuplicateKeyFinder {
    /// A key that repeats: tape indices of its first and of this later occurrence.
    struct Duplicate: Equatable {
        let first: Int
        let repeated: Int
    }

    private var entries: [(hash: UInt64, key: Int)] = []

    mutating func find(in document: JSONDocument) -> [Duplicate] {
        var found: [Duplicate] = []
        for index in document.nodes.indices where document.nodes[index].kind == .object && document.nodes[index].count > 1 {
            findInObject(index, of: document, into: &found)
        }
        return found
    }

    private mutating func findInObject(_ object: Int, of document: JSONDocument, into found: inout [Duplicate]) {
        entries.removeAll(keepingCapacity: true)
        for (key, _) in document.members(of: object) {
            entries.append((document.withDecodedString(key, Self.hash), key))
        }
        // Few keys (the usual callback): compare hashes pairwise, no sorting.
        if entries.count <= 32 {
            for later in 1..<entries.count {
                for earlier in 0..<later where entries[earlier].hash == entries[later].hash {
                    if sameKey(entries[earlier].key, entries[later].key, document) {
                        found.append(Duplicate(first: entries[earlier].key, repeated: entries[later].key))
                        break
                    }
                }
            }
            return
        }
        entries.sort { ($0.hash, $0.key) < ($1.hash, $1.key) }
        var groupStart = 0
        while groupStart < entries.count {
            var groupEnd = groupStart + 1
            while groupEnd < entries.count && entries[groupEnd].hash == entries[groupStart].hash { groupEnd += 1 }
            if groupEnd - groupStart > 1 {
                for later in (groupStart + 1)..<groupEnd {
                    for earlier in groupStart..<later where sameKey(entries[earlier].key, entries[later].key, document) {
                        found.append(Duplicate(first: entries[earlier].key, repeated: entries[later].key))
                        break
                    }
                }
            }
            groupStart = groupEnd
        }
        found.sort { $0.repeated < $1.repeated }
    }

    private func sameKey(_ a: Int, _ b: Int, _ document: JSONDocument) -> Bool {
        if !document.nodes[a].hasEscapes && !document.nodes[b].hasEscapes {
            return document.rawBytes(of: a).elementsEqual(document.rawBytes(of: b))
        }
        return document.decodedBytes(a) == document.decodedBytes(b)
    }

    /// FNV-1a: short keys, no need for more.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01b3
        }
        return hash
    }
}
