/// Counts values as they appeared, most frequent first (ties in the order
/// first seen), with memory bounded by the number of distinct values.
public struct ValueCounter: Sendable, Hashable {
    private var counts: [String: Int] = [:]
    private var firstSeen: [String] = []

    public init() {}

    public mutating func add(_ value: String) {
        if let count = counts[value] {
            counts[value] = count + 1
        } else {
            counts[value] = 1
            firstSeen.append(value)
        }
    }

    public mutating func merge(_ other: ValueCounter) {
        for value in other.firstSeen {
            counts[value, default: 0] += other.counts[value] ?? 0
            if !firstSeen.contains(value) { firstSeen.append(value) }
        }
    }

    /// (value, count) pairs, most frequent first.
    public var sorted: [(value: String, count: Int)] {
        let order = Dictionary(uniqueKeysWithValues: firstSeen.enumerated().map { ($1, $0) })
        return counts.map { ($0.key, $0.value) }.sorted {
            $0.1 != $1.1 ? $0.1 > $1.1 : order[$0.0]! < order[$1.0]!
        }
    }

    public var isEmpty: Bool { counts.isEmpty }
}
