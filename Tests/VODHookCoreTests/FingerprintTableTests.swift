import Testing
@testable import VODHookCore

/// `FingerprintTable` keeps 72 of a fingerprint's 128 bits in sharded,
/// page-backed open addressing; these pin it to a plain `Set<Fingerprint>`.
@Suite struct FingerprintTableTests {
    @Test(arguments: [false, true])
    func behavesLikeASetOverRandomInputWithRepeats(payloads: Bool) {
        var random = SplitMix64(seed: 42)
        var table = FingerprintTable(remembersPayloads: payloads)
        var reference: [Fingerprint: UInt64] = [:]
        var pool: [Fingerprint] = []
        // Enough entries that every shard grows many times past its first page.
        for step in 0..<400_000 {
            let fingerprint: Fingerprint
            if !pool.isEmpty && random.next() % 4 == 0 {
                fingerprint = pool[Int(random.next() % UInt64(pool.count))]
            } else {
                fingerprint = Fingerprint(high: random.next(), low: random.next())
                pool.append(fingerprint)
            }
            let found = table.insert(fingerprint, payload: UInt64(step))
            if let first = reference[fingerprint] {
                #expect(found == (payloads ? first : 0))
            } else {
                #expect(found == nil)
                reference[fingerprint] = UInt64(step)
            }
        }
        #expect(table.count == reference.count)
    }

    @Test func keysSharingTheirShardAndHomeSlotStayApart() {
        // Same top byte of `high` (one shard) and same top bits of `low` (one
        // home slot at any capacity this reaches): one long probe run.
        var table = FingerprintTable(remembersPayloads: true)
        let keys = (0..<3000).map { Fingerprint(high: 0xAB00_0000_0000_0000 | UInt64($0), low: 0x5000_0000_0000_0000 | UInt64($0) << 1) }
        for (index, key) in keys.enumerated() { #expect(table.insert(key, payload: UInt64(index)) == nil) }
        for (index, key) in keys.enumerated() { #expect(table.insert(key, payload: 0) == UInt64(index)) }
        // The same stored bits in another shard are another document.
        #expect(table.insert(Fingerprint(high: 0xAC00_0000_0000_0000, low: keys[0].low), payload: 0) == nil)
        #expect(table.count == 3001)
    }

    @Test func aZeroLowHalfIsStoredAndFound() {
        var table = FingerprintTable(remembersPayloads: true)
        #expect(table.insert(Fingerprint(high: 7, low: 0), payload: 5) == nil)
        #expect(table.insert(Fingerprint(high: 7, low: 0), payload: 6) == 5)
        #expect(table.count == 1)
    }

    /// The stored half spread as a hash's is (an odd multiplier is one to
    /// one, so it is never zero): small counting numbers all have the same
    /// home slot, which made this test quadratic.
    static func spread(_ value: Int) -> UInt64 { UInt64(value + 1) &* 0x9E37_79B9_7F4A_7C15 }

    @Test func aCopyGrownApartLeavesTheOriginalAlone() {
        var original = FingerprintTable(remembersPayloads: true)
        for value in 0..<1000 { _ = original.insert(Fingerprint(high: UInt64(value) << 56, low: Self.spread(value)), payload: 1) }
        var copy = original
        for value in 1000..<50_000 { _ = copy.insert(Fingerprint(high: UInt64(value) << 48, low: Self.spread(value)), payload: 2) }
        _ = copy.insert(Fingerprint(high: 0, low: Self.spread(0)), payload: 3)
        #expect(original.count == 1000 && copy.count == 50_000)
        #expect(original.insert(Fingerprint(high: 1000 << 48, low: Self.spread(1000)), payload: 4) == nil)
    }

    @Test func reservingKeepsEveryEntry() {
        var table = FingerprintTable(remembersPayloads: false)
        for value in 0..<5000 { _ = table.insert(Fingerprint(Array("document \(value)".utf8)), payload: 0) }
        table.reserveCapacity(200_000)
        for value in 0..<5000 { #expect(table.insert(Fingerprint(Array("document \(value)".utf8)), payload: 0) == 0) }
        #expect(table.count == 5000)
    }
}
