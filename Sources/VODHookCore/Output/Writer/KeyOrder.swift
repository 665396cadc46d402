/// A top-level key order, prepared once and reused for every document:
/// the names' UTF-8 is computed here, so writing compares bytes and builds
/// no `String` per document.
public struct KeyOrder: Sendable, Hashable {
    /// UTF-8 of each name, in order.
    let names: [[UInt8]]
    /// Each name's length and first and last words, so ranking a key
    /// compares integers; names longer than 16 bytes are compared whole too.
    private let words: [KeyWords]
    /// No name is listed twice, so the one match may be searched for from anywhere.
    private let namesAreDistinct: Bool

    /// Keys named here come first, in this order; a name listed twice
    /// counts at its first position.
    public init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
        words = self.names.map { $0.withUnsafeBytes(KeyWords.init) }
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
        let keyWords = KeyWords(key)
        let count = words.count
        var position = namesAreDistinct && hint < count ? hint : 0
        for _ in 0..<count {
            if words[position] == keyWords && (keyWords.coversAll || names[position].withUnsafeBytes { key.equals($0) }) {
                return position
            }
            position = position + 1 == count ? 0 : position + 1
        }
        return count
    }

    /// Orders are the same when their names are; the rest is derived from them.
    public static func == (lhs: KeyOrder, rhs: KeyOrder) -> Bool { lhs.names == rhs.names }

    /// Hashes the names only, as `==` compares them.
    public func hash(into hasher: inout Hasher) { hasher.combine(names) }
}
