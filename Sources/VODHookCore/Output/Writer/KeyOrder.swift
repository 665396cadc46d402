/// A top-level key order, prepared once and reused for every document:
/// the names' UTF-8 is computed here, so writing compares bytes and builds
/// no `String` per document.
public struct KeyOrder: Sendable, Hashable {
    /// UTF-8 of each name, in order.
    let names: [[UInt8]]
    /// The names back to back (name `i` is `packed[starts[i]..<starts[i + 1]]`),
    /// so ranking a key walks one array instead of one per name.
    private let packed: [UInt8]
    private let starts: [Int]
    /// No name is listed twice, so the one match may be searched for from anywhere.
    private let namesAreDistinct: Bool

    /// Keys named here come first, in this order; a name listed twice
    /// counts at its first position.
    public init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
        packed = self.names.flatMap { $0 }
        starts = self.names.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        namesAreDistinct = Set(self.names).count == self.names.count
    }

    /// No reordering: every key stays where the source put it.
    public static let source = KeyOrder([])

    var isEmpty: Bool { names.isEmpty }

    /// Position of the first name equal to `key` (decoded UTF-8), or
    /// `names.count` for an unlisted key so unlisted keys sort last. Keys
    /// usually come in list order, so with distinct names the search starts
    /// at `hint`, which then cannot change the answer.
    func rank(of key: UnsafeRawBufferPointer, hint: Int = 0) -> Int {
        let count = names.count
        return packed.withUnsafeBytes { packed in
            starts.withUnsafeBufferPointer { starts in
                var position = namesAreDistinct && hint < count ? hint : 0
                for _ in 0..<count {
                    if key.equals(UnsafeRawBufferPointer(rebasing: packed[starts[position]..<starts[position + 1]])) { return position }
                    position = position + 1 == count ? 0 : position + 1
                }
                return count
            }
        }
    }

    public static func == (lhs: KeyOrder, rhs: KeyOrder) -> Bool { lhs.names == rhs.names }

    public func hash(into hasher: inout Hasher) { hasher.combine(names) }
}
