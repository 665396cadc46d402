/// The values a summary counts that the catalog names, each given a small
/// number once: every catalog event type (at its catalog index), then the
/// allowed values of the counted fields (Status, MediaType, DeleteType,
/// ErrorCode, Code) of every event. A document's value is looked up here
/// where it is read, so the entry carries two bytes instead of a copy of it,
/// and a counter adds to a slot found by that number instead of comparing
/// spellings (about 100 instructions a value before; BENCHMARKS.md, issue 24).
/// Values not listed (an unknown error code) are copied and counted by bytes.
///
/// One table, `catalog`, made once; a thread holds it in its
/// `EventTypeMemo`, so the hot loop reads no lazy global.
struct SummaryValueTable: Sendable {
    static let catalog = SummaryValueTable()

    /// Each value's UTF-8, by its number.
    let values: [[UInt8]]
    private let entries: [UInt64]
    private let mask: Int

    private init() {
        values = Self.listed
        var slotCount = 64
        while slotCount < 4 * values.count { slotCount *= 2 }
        mask = slotCount - 1
        var entries = [UInt64](repeating: 0, count: slotCount * 4)
        for slot in 0..<slotCount { entries[slot * 4 + 2] = .max }
        for (number, value) in values.enumerated() {
            let words = value.withUnsafeBytes(KeyWords.init)
            var slot = Self.home(words, mask)
            while entries[slot * 4 + 2] != .max { slot = (slot + 1) & mask }
            entries.replaceSubrange(slot * 4..<slot * 4 + 4, with: [words.head, words.tail, UInt64(words.count), UInt64(number)])
        }
        self.entries = entries
    }

    private static var listed: [[UInt8]] {
        var values = EventCatalog.eventTypeBytes
        let fields: Set<String> = ["Status", "MediaType", "DeleteType", "ErrorCode", "Code"]
        for event in EventCatalog.events {
            for field in event.fields where fields.contains(field.name) {
                for value in field.allowedValues ?? [] where !values.contains(Array(value.utf8)) { values.append(Array(value.utf8)) }
            }
        }
        // A number is kept in two bytes, and 0 means none.
        precondition(values.count < Int(UInt16.max), "the summary numbers at most 65,534 catalog values")
        return values
    }

    // `entries`: open addressing by a value's `KeyWords`, four words an
    // entry (first 8 bytes, last 8 bytes, length, number), length
    // `UInt64.max` when empty, at most a quarter full so a lookup takes a probe or two.

    @inline(__always)
    private static func home(_ key: KeyWords, _ mask: Int) -> Int {
        let mixed = (key.head ^ key.tail &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: key.count)) &* 0xC2B2_AE3D_27D4_EB4F
        return Int(truncatingIfNeeded: mixed >> 40) & mask
    }

    /// The number of the value spelled `bytes`, or -1 when the catalog does not list it.
    func number(of bytes: UnsafeRawBufferPointer) -> Int {
        let words = KeyWords(bytes)
        let mask = mask
        return entries.withUnsafeBufferPointer { entries in
            var slot = Self.home(words, mask)
            while true {
                let entry = slot * 4
                let length = entries[entry + 2]
                if length == .max { return -1 }
                if length == UInt64(truncatingIfNeeded: words.count) && entries[entry] == words.head && entries[entry + 1] == words.tail {
                    let number = Int(truncatingIfNeeded: entries[entry + 3])
                    // Up to 16 bytes the two words are the whole value; a longer one is compared whole.
                    if words.coversAll || values[number].withUnsafeBytes({ bytes.equals($0) }) { return number }
                }
                slot = (slot + 1) & mask
            }
        }
    }
}
