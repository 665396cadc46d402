/// A set of document fingerprints, each optionally with where it was first
/// seen, made to hold a million entries in about 15 MB: 96 bits of the
/// fingerprint per entry (at a billion documents the odds of two sharing
/// them are about 1 in 10^11), linear probing, at most 85% full, and growth
/// by a quarter rather than doubling, so a resize never holds much more
/// than two and a half times the live entries.
struct FingerprintTable: Sendable {
    private var storage: Storage
    private let remembersPayloads: Bool

    /// `remembersPayloads`: keep a 64-bit payload per entry (where the
    /// document was first seen); without it an entry costs 12 bytes.
    init(remembersPayloads: Bool) {
        self.remembersPayloads = remembersPayloads
        storage = Storage(capacity: 1024, payloads: remembersPayloads)
    }

    var count: Int { storage.count }

    /// Makes room for `count` entries in all, so a table whose size is
    /// known in advance never pays for growing (nor holds two sizes at once).
    mutating func reserveCapacity(_ count: Int) {
        let capacity = count / 17 * 20 + 64
        guard capacity > storage.capacity else { return }
        storage = storage.grown(to: capacity)
    }

    /// Adds the fingerprint, or finds it: returns the payload stored with it
    /// when it was already present (0 when payloads are not kept), nil when it is new.
    mutating func insert(_ fingerprint: Fingerprint, payload: UInt64) -> UInt64? {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        if storage.count >= storage.capacity / 20 * 17 { storage = storage.grown(to: storage.capacity + storage.capacity / 4) }
        return storage.insert(low: fingerprint.low, high: UInt32(truncatingIfNeeded: fingerprint.high), payload: payload)
    }

    final class Storage: @unchecked Sendable {
        let capacity: Int
        private(set) var count = 0
        /// An all-zero key marks an empty slot; a fingerprint that is zero in all
        /// 96 bits is stored with its low word set to 1 instead.
        private let lows: UnsafeMutablePointer<UInt64>
        private let highs: UnsafeMutablePointer<UInt32>
        private let payloads: UnsafeMutablePointer<UInt64>?

        init(capacity: Int, payloads: Bool) {
            self.capacity = capacity
            lows = .allocate(capacity: capacity)
            lows.initialize(repeating: 0, count: capacity)
            highs = .allocate(capacity: capacity)
            highs.initialize(repeating: 0, count: capacity)
            self.payloads = payloads ? .allocate(capacity: capacity) : nil
            self.payloads?.initialize(repeating: 0, count: capacity)
        }

        deinit {
            lows.deallocate()
            highs.deallocate()
            payloads?.deallocate()
        }

        /// The slot a key starts probing at: the high word scaled to the
        /// capacity, so any capacity works, not only powers of two.
        @inline(__always) private func home(_ low: UInt64) -> Int {
            Int(truncatingIfNeeded: low.multipliedFullWidth(by: UInt64(capacity)).high)
        }

        func insert(low rawLow: UInt64, high: UInt32, payload: UInt64) -> UInt64? {
            let low = rawLow == 0 && high == 0 ? 1 : rawLow
            var slot = home(low)
            while true {
                if lows[slot] == 0 && highs[slot] == 0 {
                    lows[slot] = low
                    highs[slot] = high
                    payloads?[slot] = payload
                    count += 1
                    return nil
                }
                if lows[slot] == low && highs[slot] == high { return payloads?[slot] ?? 0 }
                slot = slot + 1 == capacity ? 0 : slot + 1
            }
        }

        func grown(to newCapacity: Int) -> Storage {
            let larger = Storage(capacity: newCapacity, payloads: payloads != nil)
            for slot in 0..<capacity where lows[slot] != 0 || highs[slot] != 0 {
                _ = larger.insert(low: lows[slot], high: highs[slot], payload: payloads?[slot] ?? 0)
            }
            return larger
        }

        func copy() -> Storage {
            let copy = Storage(capacity: capacity, payloads: payloads != nil)
            copy.lows.update(from: lows, count: capacity)
            copy.highs.update(from: highs, count: capacity)
            if let payloads { copy.payloads!.update(from: payloads, count: capacity) }
            copy.count = count
            return copy
        }
    }
}
