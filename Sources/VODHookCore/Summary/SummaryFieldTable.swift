/// The top-level fields a summary reads, compiled once from the catalog:
/// the fields every summary counts, then each event's identity field that is
/// not among them. An event added by the CONTRIBUTING recipe with a new
/// identity field gets a slot here without anyone editing a list.
enum SummaryFieldTable {
    /// The fields counted whatever the event, in slots 0-7 in this order
    /// (`SummaryFieldNodes` names them).
    static let counted = ["EventType", "EventTime", "Status", "MediaType", "DeleteType", "MediaId", "ErrorCode", "Code"]

    /// Every name with a slot: `counted`, then the catalog's other identity fields in catalog order.
    static let names: [String] = {
        var names = counted
        for event in EventCatalog.events where !names.contains(event.identity) { names.append(event.identity) }
        // SummaryFieldNodes keeps the slots inline, `capacity` of them.
        precondition(names.count <= capacity, "the summary reads at most \(capacity) fields; widen SummaryFieldNodes.Slots")
        return names
    }()

    /// How many slots a document's nodes hold inline.
    static let capacity = 16

    /// A key's slot by its bytes, built as every other key order is (the
    /// tests hold `lookup` to it).
    static let order = KeyOrder(names)

    /// A perfect hash of the names' `KeyWords` into `hashSlots` entries of
    /// four words (first 8 bytes, last 8 bytes, length, slot; length
    /// `UInt64.max` when empty): the multiplier is searched for once, so that
    /// no two names share an entry, and a key costs one probe. `KeyOrder.rank`
    /// took 70 instructions a key here, a list by length 33; a summary reads
    /// about seven keys a document.
    static let lookup: (multiplier: UInt64, entries: [UInt64]) = {
        let words = names.map { name in Array(name.utf8).withUnsafeBytes(KeyWords.init) }
        var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<100_000 {
            var entries = [UInt64](repeating: 0, count: hashSlots * 4)
            for entry in 0..<hashSlots { entries[entry * 4 + 2] = .max }
            var collided = false
            for (slot, key) in words.enumerated() {
                let entry = home(key, multiplier)
                if entries[entry * 4 + 2] != .max { collided = true; break }
                entries.replaceSubrange(entry * 4..<entry * 4 + 4, with: [key.head, key.tail, UInt64(key.count), UInt64(slot)])
            }
            if !collided { return (multiplier, entries) }
            // Odd multipliers only; 16 names in 64 entries are placed within a few dozen tries.
            multiplier = (multiplier &+ 0x6A09_E667_F3BC_C908) | 1
        }
        preconditionFailure("no multiplier places the summary's \(names.count) fields apart; widen hashSlots")
    }()

    /// Entries of `lookup`, a power of two.
    static let hashSlots = 64

    @inline(__always)
    static func home(_ key: KeyWords, _ multiplier: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key.head ^ key.tail &* 31 ^ UInt64(truncatingIfNeeded: key.count)) &* multiplier) >> 58)
    }

    /// The slot of the field spelled `key`, or nil; `entries` is `lookup.entries`' storage.
    @inline(__always)
    static func slot(of key: UnsafeRawBufferPointer, in entries: UnsafeBufferPointer<UInt64>, multiplier: UInt64) -> Int? {
        let words = KeyWords(key)
        let entry = home(words, multiplier) * 4
        guard entries[entry] == words.head, entries[entry + 1] == words.tail, entries[entry + 2] == UInt64(truncatingIfNeeded: words.count) else {
            return nil
        }
        let slot = Int(truncatingIfNeeded: entries[entry + 3])
        // Up to 16 bytes the two words are the whole name; a longer one is compared whole.
        return words.coversAll || names[slot].utf8.elementsEqual(key) ? slot : nil
    }

    /// Each catalog event's identity field, as a slot.
    static let identitySlots: [Int] = {
        // A summary keeps one bit per catalog event for each identity value it reads through here.
        precondition(EventCatalog.events.count <= 64, "a summary flags at most 64 events per identity value")
        // `names` holds every catalog identity by construction.
        return EventCatalog.events.map { names.firstIndex(of: $0.identity)! }
    }()
}
