/// A set of document fingerprints, each optionally with where it was first
/// seen, made to hold millions of entries in 8 bytes each (16 with payloads)
/// at 80-90% load.
///
/// What is kept of a 128-bit `Fingerprint`: its top 8 bits pick one of 256
/// shards and are implied by it, and its low 64 bits are stored; so two
/// entries are taken for the same only when those 72 bits agree. Among `n`
/// distinct documents the odds that any two agree are about n²/2^73:
/// 2 in 10^9 at four million documents, 1 in 10^6 at a hundred million.
/// A duplicate claim is therefore trustworthy at any size a log reaches.
///
/// Shards grow one at a time, by an eighth, so growing never holds a second
/// copy of more than 1/256 of the table (a single table growing by a quarter
/// briefly held 2.25 times its entries), and their capacities need not be
/// powers of two, so memory follows the count closely.
struct FingerprintTable {
    static let shardBits = 8
    private var shards: [FingerprintShard]
    private let remembersPayloads: Bool
    private(set) var count = 0

    /// `remembersPayloads`: keep a 64-bit payload per entry (where the
    /// document was first seen); without it an entry costs 8 bytes.
    init(remembersPayloads: Bool) {
        self.remembersPayloads = remembersPayloads
        shards = Array(repeating: FingerprintShard(stride: remembersPayloads ? 2 : 1), count: 1 << Self.shardBits)
    }

    /// Makes room for `count` entries in all, so a table whose size is
    /// known in advance never pays for growing.
    mutating func reserveCapacity(_ count: Int) {
        for index in shards.indices { shards[index].reserve(Self.perShard(count)) }
    }

    /// Keys spread evenly over the shards; a little over the mean leaves room for the spread.
    static func perShard(_ count: Int) -> Int {
        count >> shardBits + count >> (shardBits + 5) + 16
    }

    /// The shard a fingerprint goes to, from its top 8 bits, and the 64 bits stored.
    @inline(__always) static func split(_ fingerprint: Fingerprint) -> (shard: Int, key: UInt64) {
        // Zero marks an empty slot; a fingerprint whose low half is zero is
        // stored as one instead (one more coincidence in 2^64).
        (Int(truncatingIfNeeded: fingerprint.high >> (64 - UInt64(shardBits))), fingerprint.low == 0 ? 1 : fingerprint.low)
    }

    /// Asks for the cache line `insert` will look at first.
    func prefetch(_ fingerprint: Fingerprint) {
        let (shard, key) = Self.split(fingerprint)
        shards[shard].prefetch(key)
    }

    /// Adds the fingerprint, or finds it: returns the payload stored with it
    /// when it was already present (0 when payloads are not kept), nil when it is new.
    mutating func insert(_ fingerprint: Fingerprint, payload: UInt64) -> UInt64? {
        let (shard, key) = Self.split(fingerprint)
        let (slot, isNew) = shards[shard].find(key)
        guard isNew else { return remembersPayloads ? slot[1] : 0 }
        if remembersPayloads { slot[1] = payload }
        count += 1
        return nil
    }

    /// Adds the fingerprint, or finds it, and sets `bit` (0-63) in its
    /// payload: whether the fingerprint was new, and whether the bit was.
    /// For a table that keeps payloads, as a set of flags per entry.
    mutating func insert(_ fingerprint: Fingerprint, settingBit bit: Int) -> (isNew: Bool, bitIsNew: Bool) {
        let (shard, key) = Self.split(fingerprint)
        let (slot, isNew) = shards[shard].find(key)
        if isNew { count += 1 }
        let flag: UInt64 = 1 << UInt64(bit)
        guard slot[1] & flag == 0 else { return (isNew, false) }
        slot[1] |= flag
        return (isNew, true)
    }
}
