/// Why the reader stopped on a document. Kept apart from the message text so
/// the parser stays small and messages can name lines it does not track.
public enum JSONReadProblem: Sendable, Hashable {
    case expectedValue(found: Found)
    case expectedKey(found: Found)
    case expectedColon(found: Found)
    case expectedCommaOrBrace(found: Found)
    case expectedCommaOrBracket(found: Found)
    case trailingComma(closer: UInt8)
    case comment
    case singleQuote
    case nonFiniteLiteral(String)
    case invalidLiteral(expected: String)
    case leadingPlus
    case leadingDot
    case leadingZero
    case expectedDigit(after: String, found: Found)
    case controlCharacter(UInt8)
    /// A raw line feed or carriage return inside a string that goes on after it.
    case rawLineBreak(UInt8)
    case unterminatedString(startOffset: Int)
    case invalidEscape(found: Found)
    case invalidUnicodeEscape(found: Found)
    case loneSurrogate(UInt16)
    case invalidUTF8(UInt8)
    case tooDeep(limit: Int)
    /// The document goes on past `DocumentReader.maxDocumentBytes`.
    case tooLarge(limit: Int)
    /// The document holds more than `JSONParser.maxValues` values and keys.
    case tooManyValues(limit: Int)
    case unexpectedData(found: Found)
    /// A stream document whose line ends before the document does.
    case incompleteLine

    /// What stood where something else was expected.
    public enum Found: Sendable, Hashable {
        case byte(UInt8)
        case scalar(Unicode.Scalar)
        case endOfInput
    }

    public var rule: RuleID {
        switch self {
        case .invalidUTF8, .loneSurrogate: .jsonEncoding
        case .tooDeep: .jsonDepth
        case .tooLarge, .tooManyValues: .jsonSize
        default: .jsonSyntax
        }
    }
}

/// A problem and the byte offset (in the reader's buffer) of the offending byte.
public struct JSONReadError: Sendable, Hashable {
    public var problem: JSONReadProblem
    public var offset: Int
}
