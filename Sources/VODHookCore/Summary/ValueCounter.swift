/// Counts values as they appeared, most frequent first (ties in the order
/// first seen), with memory bounded by the number of distinct values.
/// Values compare as `String`s; the raw bytes of the few seen most recently
/// are remembered, so counting a repeat of one costs a byte compare rather
/// than building and hashing a `String`.
public struct ValueCounter: Sendable, Hashable {
    /// Distinct values in the order first seen, and how often each came.
    private var values: [String] = []
    private var tallies: [Int] = []
    private var positions: [String: Int] = [:]
    /// Byte spellings already seen, by their words (whole up to 16 bytes,
    /// so a repeat is found by integer compares), with the position of their value.
    private var spellings: [(words: KeyWords, position: Int, long: Int)] = []
    /// The bytes of spellings longer than 16, which the words do not cover
    /// (a spelling's `long` indexes them; -1 for short ones).
    private var longSpellings: [[UInt8]] = []
    /// How many spellings are remembered; values past them take the `String` path.
    private static let spellingLimit = 16
    /// The spelling counted last, in plain fields: a log repeats a few
    /// values (`success`, `video`), and walking `spellings` for each cost a
    /// summary about 100 instructions a value.
    private var recentCount = -1
    private var recentHead: UInt64 = 0
    private var recentTail: UInt64 = 0
    private var recentPosition = 0
    private var recentLong = -1
    /// For each `SummaryValueTable` number seen, its value's position (-1
    /// for one not seen yet): a catalog value costs an index, not a compare.
    private var numbered: [Int32] = []

    public init() {}

    public mutating func add(_ value: String) {
        tallies[position(of: value)] += 1
    }

    /// Counts the value whose UTF-8 is `bytes` (valid UTF-8, as the reader's strings are).
    public mutating func add(bytes: UnsafeRawBufferPointer) {
        let words = KeyWords(bytes)
        if words.count == recentCount && words.head == recentHead && words.tail == recentTail
            && (words.coversAll || bytes.equals(longSpellings[recentLong])) {
            tallies[recentPosition] += 1
            return
        }
        for spelling in spellings where spelling.words == words
            && (words.coversAll || bytes.equals(longSpellings[spelling.long])) {
            tallies[spelling.position] += 1
            (recentCount, recentHead, recentTail, recentPosition, recentLong) = (words.count, words.head, words.tail, spelling.position, spelling.long)
            return
        }
        let position = position(of: String(decoding: bytes, as: UTF8.self))
        tallies[position] += 1
        guard spellings.count < Self.spellingLimit else { return }
        if words.coversAll {
            spellings.append((words, position, -1))
        } else {
            spellings.append((words, position, longSpellings.count))
            longSpellings.append(Array(bytes))
        }
    }

    /// Counts the value numbered `number` in `SummaryValueTable`, or when
    /// `number` is -1 the value whose UTF-8 is `bytes`.
    mutating func add(bytes: UnsafeRawBufferPointer, number: Int) {
        guard number >= 0 else { return add(bytes: bytes) }
        if number < numbered.count && numbered[number] >= 0 {
            tallies[Int(numbered[number])] += 1
            return
        }
        // First sight: found as a String, so a spelling counted by bytes is the same value.
        let place = position(of: String(decoding: SummaryValueTable.catalog.values[number], as: UTF8.self))
        if numbered.count <= number { numbered.append(contentsOf: repeatElement(-1, count: number + 1 - numbered.count)) }
        numbered[number] = Int32(truncatingIfNeeded: place)
        tallies[place] += 1
    }

    private mutating func position(of value: String) -> Int {
        if let position = positions[value] { return position }
        positions[value] = values.count
        values.append(value)
        tallies.append(0)
        return values.count - 1
    }

    public mutating func merge(_ other: ValueCounter) {
        for (value, tally) in zip(other.values, other.tallies) {
            tallies[position(of: value)] += tally
        }
    }

    /// (value, count) pairs, most frequent first.
    public var sorted: [(value: String, count: Int)] {
        values.indices.sorted { tallies[$0] != tallies[$1] ? tallies[$0] > tallies[$1] : $0 < $1 }
            .map { (values[$0], tallies[$0]) }
    }

    public var isEmpty: Bool { values.isEmpty }

    /// The same values, counted the same, first seen in the same order.
    public static func == (lhs: ValueCounter, rhs: ValueCounter) -> Bool {
        lhs.values == rhs.values && lhs.tallies == rhs.tallies
    }

    /// Hashes what `==` compares.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(values)
        hasher.combine(tallies)
    }
}
