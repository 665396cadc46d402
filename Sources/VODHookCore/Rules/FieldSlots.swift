/// What `collectFields` learns about one document's keys, in stack scratch
/// the validator lends it: where each spec field's chosen key and value are,
/// every member naming a spec field (in source order), and the unknown keys.
struct FieldSlots {
    /// Tape index of each field's value (first exact key, else first
    /// case-insensitive one), -1 when absent; what conditions and missing-field read.
    let values: UnsafeMutableBufferPointer<Int>
    let keys: UnsafeMutableBufferPointer<Int>
    /// 1 when the slot was filled by an exact key, which wins over a miscased one.
    let exact: UnsafeMutableBufferPointer<Int>
    /// Which allowed value the slot's value is, once a check has looked
    /// (-1: none of them), so conditions need not look again; -2 before.
    let allowedMatches: UnsafeMutableBufferPointer<Int>
    /// Every member whose key names a spec field, exactly or ignoring case,
    /// so a repeated or miscased key's value is checked too.
    let occurrenceFields: UnsafeMutableBufferPointer<Int>
    let occurrenceKeys: UnsafeMutableBufferPointer<Int>
    let occurrenceValues: UnsafeMutableBufferPointer<Int>
    /// Keys that name no spec field, in source order; the same storage also
    /// lists the miscased occurrences, from its far end, as keys never fill both.
    private let other: UnsafeMutableBufferPointer<Int>
    private let counts: UnsafeMutablePointer<Int>

    /// `scratch` holds `4 * fieldCount + 4 * keyCount + 2` integers.
    init(_ scratch: UnsafeMutableBufferPointer<Int>, fieldCount: Int, keyCount: Int) {
        var next = 0
        func take(_ count: Int) -> UnsafeMutableBufferPointer<Int> {
            defer { next += count }
            return UnsafeMutableBufferPointer(rebasing: scratch[next..<next + count])
        }
        values = take(fieldCount)
        keys = take(fieldCount)
        exact = take(fieldCount)
        allowedMatches = take(fieldCount)
        occurrenceFields = take(keyCount)
        occurrenceKeys = take(keyCount)
        occurrenceValues = take(keyCount)
        other = take(keyCount)
        // Two words of `scratch`, which holds them by contract (see above): never empty.
        counts = take(2).baseAddress!
        values.initialize(repeating: -1)
        keys.initialize(repeating: -1)
        exact.initialize(repeating: 0)
        allowedMatches.initialize(repeating: -2)
        counts.initialize(repeating: 0, count: 2)
    }

    var occurrenceCount: Int { counts[0] }
    var unknownCount: Int { counts[1] }

    func addOccurrence(field: Int, key: Int, value: Int) {
        let count = counts[0]
        occurrenceFields[count] = field
        occurrenceKeys[count] = key
        occurrenceValues[count] = value
        counts[0] = count + 1
    }

    func addUnknown(_ key: Int) {
        other[counts[1]] = key
        counts[1] += 1
    }

    /// Indices (into the occurrences) of the miscased keys, by position.
    var miscased: Miscased { Miscased(storage: other) }

    var unknownKeys: [Int] { Array(other[0..<counts[1]]) }

    /// The miscased occurrences, stored from the end of the shared storage.
    struct Miscased {
        let storage: UnsafeMutableBufferPointer<Int>
        subscript(position: Int) -> Int {
            get { storage[storage.count - 1 - position] }
            nonmutating set { storage[storage.count - 1 - position] = newValue }
        }
    }
}
