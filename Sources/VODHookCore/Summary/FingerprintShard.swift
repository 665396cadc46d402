import CacheHints

/// One shard of a fingerprint table: open addressing with linear probing
/// over 64-bit keys (0 marks an empty slot). A slot is `stride` words: the
/// key, then the values kept with it, side by side so that finding a key
/// brings its values into the cache with it. A key's home slot is derived
/// from the key itself (its top bits scaled to the capacity), so growing
/// can rehash from what is stored and any capacity works, not only powers of two.
struct FingerprintShard {
    /// Words per slot: the key and its values.
    let stride: Int
    private var words: PageBuffer?
    private var capacity = 0
    private(set) var count = 0

    init(stride: Int) {
        self.stride = stride
    }

    /// At most 9/10 full: linear probing then averages under six probes to
    /// find a key present, and the table stays within stride × 8 bytes / 0.8 per entry.
    private static func limit(_ capacity: Int) -> Int { capacity - capacity / 10 }

    /// Makes room for `entries` without growing.
    mutating func reserve(_ entries: Int) {
        guard Self.limit(capacity) < entries else { return }
        rehash(to: entries + entries / 9 + 1)
    }

    /// Finds the key (nonzero), or adds it with its values zero: its slot's
    /// first word (the key; its values follow), valid until the shard next
    /// changes, and whether it was added.
    @inline(__always)
    mutating func find(_ key: UInt64) -> (slot: UnsafeMutablePointer<UInt64>, isNew: Bool) {
        if count >= Self.limit(capacity) { rehash(to: capacity + capacity / 8) }
        // A copied summary shares its buffer until one of them changes.
        // Non-nil: an empty shard (capacity 0) has just rehashed, which allocates it.
        if !isKnownUniquelyReferenced(&words) { words = words!.copy() }
        let found = Self.place(key, in: words!.words, capacity: capacity, stride: stride)
        if found.isNew { count += 1 }
        return found
    }

    /// Asks for the cache line of `key`'s home slot, for a `find` soon after.
    @inline(__always)
    func prefetch(_ key: UInt64) {
        guard let words, capacity > 0 else { return }
        vodhook_prefetch_for_write(words.words + Self.home(key, capacity: capacity) * stride)
    }

    @inline(__always)
    private static func home(_ key: UInt64, capacity: Int) -> Int {
        Int(truncatingIfNeeded: key.multipliedFullWidth(by: UInt64(capacity)).high)
    }

    /// The slot holding `key`, putting it in the first empty slot of its run when absent.
    @inline(__always)
    private static func place(
        _ key: UInt64, in words: UnsafeMutablePointer<UInt64>, capacity: Int, stride: Int
    ) -> (slot: UnsafeMutablePointer<UInt64>, isNew: Bool) {
        var slot = home(key, capacity: capacity)
        while true {
            let stored = words[slot * stride]
            if stored == key { return (words + slot * stride, false) }
            if stored == 0 {
                words[slot * stride] = key
                return (words + slot * stride, true)
            }
            slot += 1
            if slot == capacity { slot = 0 }
        }
    }

    private mutating func rehash(to wanted: Int) {
        let larger = PageBuffer(atLeast: wanted * stride)
        let largerCapacity = larger.count / stride
        if let words {
            for slot in 0..<capacity where words.words[slot * stride] != 0 {
                let old = words.words + slot * stride
                let new = Self.place(old[0], in: larger.words, capacity: largerCapacity, stride: stride).slot
                (new + 1).update(from: old + 1, count: stride - 1)
            }
        }
        words = larger
        capacity = largerCapacity
    }
}
