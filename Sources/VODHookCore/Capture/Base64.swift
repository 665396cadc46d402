/// Base64 decoding (RFC 4648) for MNS message bodies, which arrive Base64-encoded.
///
/// Decisions, since RFC 4648 leaves them to the application:
/// - Both the standard (§4) and the URL-safe (§5) alphabet are accepted, but
///   not mixed in one text: the first '+', '/', '-' or '_' fixes the alphabet,
///   because a mix means the text was mangled, not that it is valid.
/// - '=' padding is optional; when present it must be exactly what the length
///   needs, with nothing after it.
/// - Whitespace before and after the text is ignored (files end in newlines);
///   whitespace inside is rejected (§3.3): a body wrapped over lines is
///   joined by `Base64Documents` first, which knows where its lines are.
/// - Non-zero bits left over in the last character are accepted (§3.5 allows
///   either): they carry no data and rejecting them helps nobody validate JSON.
public enum Base64 {
    /// The decoded bytes, or the first problem with its offset in `text`'s indices.
    public static func decode(_ text: ArraySlice<UInt8>) -> Result<[UInt8], Base64Error> {
        Base64Layout.check(text).map { layout in
            decodeChecked(text[layout.data])
        }
    }

    /// Cheap test used by input auto-detection: non-empty, only Base64 alphabet chars (+ trailing '='), length plausible.
    ///
    /// True exactly when `decode` would succeed on a non-empty text. Short
    /// words such as `true` or `null` also pass; detection should try JSON first.
    public static func looksLikeBase64(_ text: ArraySlice<UInt8>) -> Bool {
        guard case .success(let layout) = Base64Layout.check(text) else { return false }
        return !layout.data.isEmpty
    }

    // Every byte is known to be an alphabet character and the count is not 4n+1.
    private static func decodeChecked(_ data: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(data.count / 4 * 3 + 2)
        var index = data.startIndex
        while data.endIndex - index >= 4 {
            let group = value(data[index]) << 18 | value(data[index + 1]) << 12
                | value(data[index + 2]) << 6 | value(data[index + 3])
            output.append(UInt8(truncatingIfNeeded: group >> 16))
            output.append(UInt8(truncatingIfNeeded: group >> 8))
            output.append(UInt8(truncatingIfNeeded: group))
            index += 4
        }
        switch data.endIndex - index {
        case 2:
            let group = value(data[index]) << 18 | value(data[index + 1]) << 12
            output.append(UInt8(truncatingIfNeeded: group >> 16))
        case 3:
            let group = value(data[index]) << 18 | value(data[index + 1]) << 12 | value(data[index + 2]) << 6
            output.append(UInt8(truncatingIfNeeded: group >> 16))
            output.append(UInt8(truncatingIfNeeded: group >> 8))
        default:
            break
        }
        return output
    }

    @inline(__always)
    private static func value(_ byte: UInt8) -> UInt32 {
        UInt32(base64Values[Int(byte)])
    }
}
