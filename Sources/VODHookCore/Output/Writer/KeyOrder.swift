/// A key order, prepared once and reused for every document: the names'
/// UTF-8 is computed here, so writing compares bytes and builds no `String`
/// per document. Made from a field table, it orders nested objects too.
///
/// Its tables live in one shared object: an order is handed on for every
/// document and every nested object, and a copy of five arrays cost five
/// retains and five releases each time (a tenth of `normalize`'s work).
public struct KeyOrder: Sendable, Hashable {
    private final class Tables: Sendable {
        let names: [[UInt8]]
        let childOrders: [Int32]
        let nested: [KeyOrder]
        let hasChildOrders: Bool
        let words: [KeyWords]
        let namesAreDistinct: Bool
        let slots: [Int32]

        init(names: [[UInt8]], childOrders: [Int32], nested: [KeyOrder], words: [KeyWords], namesAreDistinct: Bool, slots: [Int32]) {
            self.names = names
            self.childOrders = childOrders
            self.nested = nested
            hasChildOrders = childOrders.contains { $0 >= 0 }
            self.words = words
            self.namesAreDistinct = namesAreDistinct
            self.slots = slots
        }
    }

    private let tables: Tables

    /// UTF-8 of each name, in order.
    var names: [[UInt8]] { tables.names }
    /// For each name, the index in the root order's `nested` of the order of
    /// the objects under it (an object, or an array's objects); -1 for none.
    var childOrders: [Int32] { tables.childOrders }
    /// Every nested order of the tree, flattened; empty below the root.
    var nested: [KeyOrder] { tables.nested }
    /// Whether some name has a child order, so its ranks must be kept.
    var hasChildOrders: Bool { tables.hasChildOrders }
    // Each name's length and first and last words, so ranking a key
    // compares integers; names longer than 16 bytes are compared whole too.
    // `namesAreDistinct`: no name is listed twice, so the one match may be
    // searched for from anywhere. `slots`: an open-addressing index from a
    // key's words to 1 + its position (0 for an empty slot), a power of two
    // at least twice the names: a key missing from the hinted position (an
    // optional field left out) is found in a probe or two rather than by
    // walking the whole list.

    /// Keys named here come first, in this order; a name listed twice
    /// counts at its first position.
    public init(_ names: [String]) {
        self.init(names: names, childOrders: Array(repeating: -1, count: names.count), nested: [])
    }

    /// The order of a field table, its nested objects' tables included.
    public init(_ object: ObjectSpec) {
        var flat: [KeyOrder] = []
        let children = Self.flatten(object, into: &flat)
        self.init(names: object.fields.map(\.name), childOrders: children, nested: flat)
    }

    private static func flatten(_ object: ObjectSpec, into flat: inout [KeyOrder]) -> [Int32] {
        object.fields.map { field in
            guard let spec = field.type.objectSpec else { return -1 }
            let grandchildren = flatten(spec, into: &flat)
            flat.append(KeyOrder(names: spec.fields.map(\.name), childOrders: grandchildren, nested: []))
            return Int32(flat.count - 1)
        }
    }

    private init(names: [String], childOrders: [Int32], nested: [KeyOrder]) {
        let names = names.map { Array($0.utf8) }
        let words = names.map { $0.withUnsafeBytes(KeyWords.init) }
        var slotCount = 8
        while slotCount < 2 * names.count { slotCount *= 2 }
        var slots = [Int32](repeating: 0, count: slotCount)
        for position in names.indices where !names[..<position].contains(names[position]) {
            // Only a name's first position is indexed, so it is the one found.
            var slot = Self.home(words[position], slotCount)
            while slots[slot] != 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = Int32(position + 1)
        }
        tables = Tables(names: names, childOrders: childOrders, nested: nested, words: words,
                        namesAreDistinct: Set(names).count == names.count, slots: slots)
    }

    @inline(__always) private static func home(_ words: KeyWords, _ slotCount: Int) -> Int {
        let mixed = (words.head ^ words.tail &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: words.count)) &* 0xC2B2_AE3D_27D4_EB4F
        return Int(truncatingIfNeeded: mixed >> 40) & (slotCount - 1)
    }

    /// No reordering: every key stays where the source put it.
    public static let source = KeyOrder([])

    var isEmpty: Bool { names.isEmpty }
    /// Whether objects below the top level are ordered too.
    var hasNested: Bool { !nested.isEmpty }

    /// The order with this id in a tree: -1 is the root, others index `nested`.
    @inline(__always) func order(_ id: Int32) -> KeyOrder { id < 0 ? self : nested[Int(id)] }

    /// Position of the first name equal to `key` (decoded UTF-8), or
    /// `names.count` for an unlisted key so unlisted keys sort last. Keys
    /// usually come in list order, so with distinct names the search starts
    /// at `hint`, which then cannot change the answer.
    /// Inlined: called once a key for every document, where the call itself
    /// was a third of its cost.
    @inline(__always)
    func rank(of key: UnsafeRawBufferPointer, hint: Int = 0) -> Int {
        let keyWords = KeyWords(key)
        let (words, names, slots) = (tables.words, tables.names, tables.slots)
        let count = words.count
        @inline(__always) func matches(_ position: Int) -> Bool {
            words[position] == keyWords && (keyWords.coversAll || names[position].withUnsafeBytes { key.equals($0) })
        }
        if tables.namesAreDistinct && hint < count && matches(hint) { return hint }
        var slot = Self.home(keyWords, slots.count)
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if matches(position) { return position }
            slot = (slot + 1) & (slots.count - 1)
        }
        return count
    }

    /// Orders are the same when their names are; the rest is derived from them.
    public static func == (lhs: KeyOrder, rhs: KeyOrder) -> Bool {
        lhs.names == rhs.names && lhs.childOrders == rhs.childOrders && lhs.nested == rhs.nested
    }

    /// Hashes the names only; equal orders have equal names.
    public func hash(into hasher: inout Hasher) { hasher.combine(names) }
}
