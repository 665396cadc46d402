/// A finding's hint read as one replacement, where it names exactly one:
/// `write "X"`, `did you mean "X"?` and `rename it to "X"` say to replace
/// the string the finding points at (a key or a value) with "X". SARIF
/// reports carry it as a fix an editor can apply.
public struct SuggestedFix: Sendable, Hashable {
    /// The replacement string's content, unquoted.
    public let replacement: String
    /// Where the replaced JSON string starts and, exclusive, ends, on one line.
    public let start: SourcePosition
    public let end: SourcePosition

    static let openings = ["write \"", "did you mean \"", "rename it to \""]

    /// The replacement a hint names; nil unless it names exactly one plain string.
    public static func replacement(in hint: String) -> String? {
        guard let opening = openings.first(where: hint.hasPrefix) else { return nil }
        let rest = hint.dropFirst(opening.count)
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        let text = rest[..<close]
        // A quoted value with escapes is shown, not spelled: no fix for it.
        guard !text.isEmpty, !text.contains("\\") else { return nil }
        return String(text)
    }

    /// The fix for `diagnostic`, when its hint names one replacement and a
    /// JSON string starts where it points.
    public static func make(for diagnostic: Diagnostic, locator: some SourceLocator) -> SuggestedFix? {
        guard let hint = diagnostic.hint, let replacement = replacement(in: hint) else { return nil }
        let start = locator.position(ofSourceOffset: diagnostic.offset)
        let line = locator.sourceLine(containing: diagnostic.offset, reach: 4096)
        let from = diagnostic.offset - line.startOffset
        guard from >= 0, from < line.text.count, line.text[from] == UInt8(ascii: "\"") else { return nil }
        // JSON strings hold no raw line break: the closing quote is on this line.
        var index = from + 1
        var scalars = 1
        while index < line.text.count {
            let byte = line.text[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                scalars += 2
                continue
            }
            index += 1
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte == UInt8(ascii: "\"") {
                return SuggestedFix(replacement: replacement, start: start, end: SourcePosition(line: start.line, column: start.column + scalars))
            }
        }
        return nil
    }
}
