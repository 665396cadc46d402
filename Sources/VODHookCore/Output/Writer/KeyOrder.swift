/// A top-level key order, prepared once and reused for every document:
/// the names' UTF-8 is computed here, so writing compares bytes and builds
/// no `String` per document.
public struct KeyOrder: Sendable, Hashable {
    /// UTF-8 of each name, in order.
    let names: [[UInt8]]

    /// Keys named here come first, in this order; a name listed twice
    /// counts at its first position.
    public init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
    }

    /// No reordering: every key stays where the source put it.
    public static let source = KeyOrder([])

    var isEmpty: Bool { names.isEmpty }

    /// Position of the first name equal to `key` (decoded UTF-8), or
    /// `names.count` for an unlisted key so unlisted keys sort last.
    func rank(of key: UnsafeRawBufferPointer) -> Int {
        for (position, name) in names.enumerated()
        where name.count == key.count && name.withUnsafeBytes({ $0.elementsEqual(key) }) {
            return position
        }
        return names.count
    }
}
