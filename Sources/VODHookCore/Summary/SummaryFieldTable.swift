/// The top-level fields a summary reads, compiled once from the catalog:
/// the fields every summary counts, then each event's identity field that is
/// not among them. An event added by the CONTRIBUTING recipe with a new
/// identity field gets a slot here without anyone editing a list.
enum SummaryFieldTable {
    /// The fields counted whatever the event, at fixed slots (see `Slot`).
    static let counted = ["EventType", "EventTime", "Status", "MediaType", "DeleteType", "MediaId", "ErrorCode", "Code"]

    /// The slots of `counted`, in its order.
    enum Slot: Int { case eventType, eventTime, status, mediaType, deleteType, mediaId, errorCode, code }

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

    /// The names by length, for `slot(of:in:)`: words 0...`longest`+1 hold
    /// where each length's names start (in 3-word entries after them:
    /// first 8 bytes, last 8 bytes, slot); one flat array, so a document's
    /// lookups retain one buffer. `KeyOrder.rank` took 70 instructions a
    /// key here, where a summary reads about seven keys a document.
    static let lookup: [UInt64] = {
        let utf8 = names.map { Array($0.utf8) }
        let longest = utf8.map(\.count).max() ?? 0
        var table = [UInt64](repeating: 0, count: longest + 2)
        var entries: [UInt64] = []
        for length in 0...longest {
            table[length] = UInt64(longest + 2 + entries.count)
            for (slot, name) in utf8.enumerated() where name.count == length {
                let words = name.withUnsafeBytes(KeyWords.init)
                entries += [words.head, words.tail, UInt64(slot)]
            }
        }
        table[longest + 1] = UInt64(longest + 2 + entries.count)
        return table + entries
    }()

    /// The slot of the field spelled `key`, or nil; `lookup` is `Self.lookup`'s storage.
    @inline(__always)
    static func slot(of key: UnsafeRawBufferPointer, in lookup: UnsafeBufferPointer<UInt64>) -> Int? {
        let length = key.count
        // Words 0...longest+1 are the starts; the first start says where they end.
        guard length + 1 < Int(truncatingIfNeeded: lookup[0]) else { return nil }
        var entry = Int(truncatingIfNeeded: lookup[length])
        let end = Int(truncatingIfNeeded: lookup[length + 1])
        guard entry < end else { return nil }
        let words = KeyWords(key)
        while entry < end {
            if lookup[entry] == words.head && lookup[entry + 1] == words.tail {
                let slot = Int(truncatingIfNeeded: lookup[entry + 2])
                // Up to 16 bytes the two words are the whole name; a longer one is compared whole.
                if words.coversAll || names[slot].utf8.elementsEqual(key) { return slot }
            }
            entry += 3
        }
        return nil
    }

    /// Each catalog event's identity field, as a slot.
    static let identitySlots: [Int] = {
        // A summary keeps one bit per catalog event for each identity value it reads through here.
        precondition(EventCatalog.events.count <= 64, "a summary flags at most 64 events per identity value")
        // `names` holds every catalog identity by construction.
        return EventCatalog.events.map { names.firstIndex(of: $0.identity)! }
    }()
}
