extension JSONReadProblem {
    /// The finding's message: what was expected and what was found.
    /// `position` turns a buffer offset into a line and column for messages
    /// that point back at an earlier place.
    public func message(position: (Int) -> SourcePosition) -> String {
        switch self {
        case .expectedValue(let found): "expected a value, found \(found.quoted)"
        case .expectedKey(let found): "expected a string key in double quotes, found \(found.quoted)"
        case .expectedColon(let found): "expected ':' after the object key, found \(found.quoted)"
        case .expectedCommaOrBrace(let found): "expected ',' or '}' after an object member, found \(found.quoted)"
        case .expectedCommaOrBracket(let found): "expected ',' or ']' after an array element, found \(found.quoted)"
        case .trailingComma(let closer): "trailing comma before '\(Character(Unicode.Scalar(closer)))'"
        case .comment: "comments are not allowed in JSON"
        case .singleQuote: "strings must be in double quotes, found '''"
        case .nonFiniteLiteral(let word): "'\(word)' is not a JSON value; JSON numbers are finite"
        case .invalidLiteral(let expected): "invalid literal, expected '\(expected)'"
        case .leadingPlus: "a number cannot start with '+'"
        case .leadingDot: "a number must have a digit before '.'"
        case .leadingZero: "leading zeros are not allowed in numbers"
        case .expectedDigit(let after, let found): "expected a digit after '\(after)', found \(found.quoted)"
        case .controlCharacter(let byte): "unescaped control character \(byte.unicodeName) in a string"
        case .rawLineBreak(let byte):
            byte == 0x0A ? "raw line break inside a string (escape it as \\n)" : "raw carriage return inside a string (escape it as \\r)"
        case .unterminatedString(let start):
            "unterminated string that starts at line \(position(start).line), column \(position(start).column)"
        case .invalidEscape(let found): "invalid escape sequence '\\' followed by \(found.quoted)"
        case .invalidUnicodeEscape(let found): "invalid \\u escape: expected a hex digit, found \(found.quoted)"
        case .loneSurrogate(let unit): "\\u\(unit.hex4) is a lone surrogate, which is not a Unicode character"
        case .invalidUTF8(let byte): "invalid UTF-8: byte 0x\(byte.hex2) cannot start or continue a character here"
        case .tooDeep(let limit): "nesting is deeper than the limit of \(limit) levels"
        case .tooLarge(let limit): "the document is larger than the limit of \(limit >> 20) MiB"
        case .tooManyValues(let limit): "the document holds more than the limit of \(limit) values and keys"
        case .unexpectedData(let found): "unexpected data after the JSON value, found \(found.quoted)"
        case .incompleteLine: "the document is incomplete: its line ends here and the next line starts a new document"
        }
    }

    /// A suggested fix, where one is obvious.
    public var hint: String? {
        switch self {
        case .trailingComma: "remove the ','"
        case .comment: "remove the comment"
        case .singleQuote: "use '\"' around strings and keys"
        case .leadingZero: "write the number without leading zeros, or as a string"
        case .controlCharacter(let byte): "write it as \(byte.jsonEscape)"
        case .rawLineBreak: "a JSON string cannot hold a raw line break; every JSON encoder escapes it, so this text was written or edited by hand"
        case .nonFiniteLiteral: "use null or a string"
        case .incompleteLine: "the line was probably cut off; each line of a stream is read as its own document"
        case .tooLarge, .tooManyValues: "no callback comes close; this is likely corrupt or not a callback log"
        case .expectedKey(.scalar), .expectedKey(.byte): "object keys must be strings in double quotes"
        default: nil
        }
    }
}

extension JSONReadProblem.Found {
    /// Printable and terminal-safe: controls and odd bytes are written as code points.
    public var quoted: String {
        switch self {
        case .endOfInput: "end of input"
        case .byte(let byte) where byte >= 0x20 && byte < 0x7F: "'\(Character(Unicode.Scalar(byte)))'"
        case .byte(let byte) where byte < 0x80: byte.unicodeName
        case .byte(let byte): "byte 0x\(byte.hex2)"
        // Whatever the excerpt would escape is named by its code point alone.
        case .scalar(let scalar) where TerminalSafe.needsEscape(scalar): scalar.codePointName
        case .scalar(let scalar): "'\(Character(scalar))' (\(scalar.codePointName))"
        }
    }
}

extension Unicode.Scalar {
    /// `U+00E9`: at least four hex digits, as Unicode writes them.
    public var codePointName: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension UInt8 {
    var hex2: String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(self >> 4)], digits[Int(self & 0xF)]])
    }
    var unicodeName: String { Unicode.Scalar(self).codePointName }
    var jsonEscape: String {
        switch self {
        case 0x08: "\\b"
        case 0x09: "\\t"
        case 0x0A: "\\n"
        case 0x0C: "\\f"
        case 0x0D: "\\r"
        default: "\\u00" + hex2.lowercased()
        }
    }
}

extension UInt16 {
    var hex4: String {
        let hex = String(self, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - hex.count) + hex
    }
}
