/// A piece of a source line for an excerpt; `firstColumn` is above 1 when
/// the excerpt starts after the line does.
public struct SourceLine: Sendable, Hashable {
    public var number: Int
    public var firstColumn: Int
    /// Source offset of `text`'s first byte.
    public var startOffset: Int
    public var text: [UInt8]
    /// The line goes on past `text`.
    public var continues: Bool
    public init(number: Int, firstColumn: Int, startOffset: Int, text: [UInt8], continues: Bool) {
        self.number = number
        self.firstColumn = firstColumn
        self.startOffset = startOffset
        self.text = text
        self.continues = continues
    }
}

/// Positions and excerpts for a document's findings; the reader provides them.
public protocol SourceLocator: AnyObject {
    func position(ofSourceOffset offset: Int) -> SourcePosition
    func sourceLine(containing offset: Int, reach: Int) -> SourceLine
}
