/// The shape of a Base64 text once checked: where its data characters are.
/// Validation and decoding share it so `looksLikeBase64` agrees with `decode`.
struct Base64Layout: Sendable {
    /// Data characters, after trimming surrounding whitespace and before any '='.
    let data: Range<Int>

    /// Checks everything but the bits: characters, alphabet, padding, length.
    static func check(_ text: ArraySlice<UInt8>) -> Result<Base64Layout, Base64Error> {
        let trimmed = trimmingSurroundingWhitespace(text)
        var alphabet: (kind: Base64Alphabet, byte: UInt8)?
        var paddingStart: Int?

        for index in trimmed.indices {
            let byte = text[index]
            if byte == UInt8(ascii: "=") {
                if paddingStart == nil { paddingStart = index }
                continue
            }
            if base64Values[Int(byte)] == 0xff {
                return .failure(Base64Error(offset: index, message: invalidByteMessage(byte)))
            }
            if paddingStart != nil {
                return .failure(Base64Error(offset: index, message: "Base64 data after '=' padding"))
            }
            if let kind = Base64Alphabet(distinguishing: byte) {
                if let first = alphabet, first.kind != kind {
                    return .failure(Base64Error(
                        offset: index,
                        message: "\(kind.name) Base64 character \(describeByte(byte)) mixed with \(first.kind.name) \(describeByte(first.byte))"))
                }
                alphabet = alphabet ?? (kind, byte)
            }
        }

        let dataEnd = paddingStart ?? trimmed.endIndex
        let dataCount = dataEnd - trimmed.startIndex
        let padding = trimmed.endIndex - dataEnd
        if dataCount % 4 == 1 {
            return .failure(Base64Error(
                offset: dataEnd - 1,
                message: "impossible Base64 length: a single character left over in the last group of four"))
        }
        if padding > 0 {
            let needed = dataCount % 4 == 0 ? 0 : 4 - dataCount % 4
            if needed == 0 {
                return .failure(Base64Error(offset: dataEnd, message: "unexpected '=' padding after a complete group of four"))
            }
            if padding > needed {
                return .failure(Base64Error(offset: dataEnd + needed, message: "too much '=' padding (expected \(needed))"))
            }
            if padding < needed {
                return .failure(Base64Error(
                    offset: trimmed.endIndex,
                    message: "incomplete '=' padding (expected \(needed), found \(padding))"))
            }
        }
        return .success(Base64Layout(data: trimmed.startIndex..<dataEnd))
    }

    private static func invalidByteMessage(_ byte: UInt8) -> String {
        if isWhitespace(byte) {
            return "whitespace (\(describeByte(byte))) inside Base64 text"
        }
        if (0x21...0x7e).contains(byte) {
            return "invalid Base64 character \(describeByte(byte))"
        }
        return "invalid \(describeByte(byte)) in Base64 text"
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d
    }

    // A Base64 body read from a file usually ends in a newline; that is not
    // part of the blob, whereas whitespace inside it is an error.
    private static func trimmingSurroundingWhitespace(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = text.startIndex
        var end = text.endIndex
        while start < end, isWhitespace(text[start]) { start += 1 }
        while end > start, isWhitespace(text[end - 1]) { end -= 1 }
        return text[start..<end]
    }
}
