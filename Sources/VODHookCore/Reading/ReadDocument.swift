/// How a source is split into documents.
public enum ReadingMode: String, Sendable, Hashable, CaseIterable {
    /// The source is exactly one JSON text: "is this file a valid callback body?"
    case body
    /// Any number of JSON texts separated by whitespace or RFC 7464 record
    /// separators; a top-level array is unpacked into its elements.
    case stream
    /// A text log: each line holds at most one callback, a JSON object (or
    /// an array of objects) after a prefix of any shape (a timestamp, a
    /// level, a logger, `body=`); lines without one are counted, not read.
    case log
}

/// One document as the reader hands it over: parsed, or not, with the
/// reader's own findings. `json` is a view into the reader's buffer, valid
/// only during the callback.
public struct ReadDocument {
    /// 1-based position of the document in its source.
    public var index: Int
    /// `/3` for the fourth element of an unpacked top-level array, else empty.
    public var pointerPrefix: String
    /// Source offset of the document's first byte.
    public var startOffset: Int
    /// The parsed value; nil when the reader could not parse it.
    public var json: JSONDocument?
    /// Reader findings: syntax, encoding, depth, duplicate keys, BOM, no document.
    public var findings: [Diagnostic]
}

extension ReadDocument {
    /// A finding about the source rather than a document in it (a gzip
    /// stream's damage), made where the source is read. In an extension, so
    /// the reader keeps the memberwise initializer.
    public init(sourceFinding finding: Diagnostic, index: Int) {
        self.init(index: index, pointerPrefix: "", startOffset: finding.offset, json: nil, findings: [finding])
    }
}
