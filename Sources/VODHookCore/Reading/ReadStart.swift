/// Where a reader starts when it reads only part of a source, as the
/// threads sharing a large file each do: the source offset of the input's
/// first byte, and that byte's line and column.
public struct ReadStart: Sendable, Hashable {
    /// Source offset of the first byte read.
    public var offset: Int
    /// 1-based, as `SourcePosition` counts.
    public var line: Int
    public var column: Int

    /// A start at source offset `offset`, which is on `line` at `column`.
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The first byte of a source.
    public static let sourceStart = ReadStart(offset: 0, line: 1, column: 1)
}

/// A value at the top level of a stream, as a reader of part of a source
/// records it: where it starts (after any separators), how many documents
/// came before it in this reader, and whether it was an empty array (which
/// yields no document, but changes the message when a source has none).
public struct TopLevelValue: Sendable, Hashable {
    /// Source offset of the value's first byte.
    public var offset: Int
    /// Documents the same reader handed over before this value's.
    public var documentsBefore: Int
    /// `[]`: no document, but it changes what a source without any is told.
    public var isEmptyArray: Bool
}
