/// One shard of a `FingerprintTable`: open addressing with linear probing
/// over 64-bit keys (0 marks an empty slot), with payloads in a second
/// buffer when kept. A key's home slot is derived from the key itself (its
/// top bits scaled to the capacity), so growing can rehash from what is
/// stored and any capacity works, not only powers of two.
struct FingerprintShard: Sendable {
    private var keys: PageBuffer?
    private var payloads: PageBuffer?
    private var count = 0

    private var capacity: Int { keys?.count ?? 0 }

    /// At most 9/10 full: linear probing then averages under six probes to
    /// find a key present, and the table stays within 8 bytes / 0.8 per entry.
    private static func limit(_ capacity: Int) -> Int { capacity - capacity / 10 }

    /// Makes room for `entries` without growing.
    mutating func reserve(_ entries: Int, payloads keepsPayloads: Bool) {
        guard Self.limit(capacity) < entries else { return }
        rehash(to: entries + entries / 9 + 1, payloads: keepsPayloads)
    }

    /// Adds the key (nonzero) with the payload, or finds it: its payload
    /// when present (0 when payloads are not kept), nil when it is new.
    @inline(__always)
    mutating func insert(_ key: UInt64, payload: UInt64, payloads keepsPayloads: Bool) -> UInt64? {
        if count >= Self.limit(capacity) {
            rehash(to: capacity + capacity / 8, payloads: keepsPayloads)
        }
        // A copied summary shares its buffers until one of them changes.
        if !isKnownUniquelyReferenced(&keys) { keys = keys!.copy() }
        if keepsPayloads && !isKnownUniquelyReferenced(&payloads) { payloads = payloads!.copy() }
        let (slot, isNew) = Self.place(key, in: UnsafeMutableBufferPointer(start: keys!.words, count: capacity))
        guard isNew else { return keepsPayloads ? payloads!.words[slot] : 0 }
        if keepsPayloads { payloads!.words[slot] = payload }
        count += 1
        return nil
    }

    /// The slot holding `key`, putting it in the first empty slot of its run when absent.
    @inline(__always)
    private static func place(_ key: UInt64, in keys: UnsafeMutableBufferPointer<UInt64>) -> (slot: Int, isNew: Bool) {
        let capacity = keys.count
        var slot = Int(truncatingIfNeeded: key.multipliedFullWidth(by: UInt64(capacity)).high)
        while true {
            let stored = keys[slot]
            if stored == key { return (slot, false) }
            if stored == 0 {
                keys[slot] = key
                return (slot, true)
            }
            slot += 1
            if slot == capacity { slot = 0 }
        }
    }

    private mutating func rehash(to wanted: Int, payloads keepsPayloads: Bool) {
        let newKeys = PageBuffer(atLeast: wanted)
        let newPayloads = keepsPayloads ? PageBuffer(atLeast: newKeys.count) : nil
        let target = UnsafeMutableBufferPointer(start: newKeys.words, count: newKeys.count)
        if let keys {
            for index in 0..<keys.count where keys.words[index] != 0 {
                let slot = Self.place(keys.words[index], in: target).slot
                if let newPayloads, let payloads { newPayloads.words[slot] = payloads.words[index] }
            }
        }
        keys = newKeys
        payloads = newPayloads
    }
}
