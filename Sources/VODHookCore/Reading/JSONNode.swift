/// The JSON value kinds, as the reader sees them.
public enum JSONKind: UInt8, Sendable, Hashable {
    case object, array, string, number, `true`, `false`, null

    /// The name used in messages ("expected a string, found a number").
    public var nameWithArticle: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .true, .false: "a boolean"
        case .null: "null"
        }
    }
}

/// One value on the reader's tape. The tape is a flat array in document
/// order (an object's key and value nodes follow it), so reading allocates
/// nothing per value and a subtree is skipped by jumping to `next`.
public struct JSONNode: Sendable, Hashable {
    /// Byte range of the value in the reader's buffer; for strings it includes the quotes.
    public var start: Int
    public var end: Int
    /// Tape index just past this node's subtree.
    public var next: Int32
    /// Members of an object or elements of an array.
    public var count: Int32
    public var kind: JSONKind
    /// A string that holds backslash escapes and so must be decoded to compare.
    public var hasEscapes: Bool
}
