/// What a source holds, as `--input auto` decides it.
public enum InputFormat: Sendable, Hashable {
    case json
    case http
    case base64

    /// Decides from the start of a source. JSON wins whenever the first
    /// significant byte can start a JSON value, so no JSON stream is ever
    /// taken for a capture; an HTTP request line starts with an uppercase
    /// letter, which no JSON text does. `base64` here means only that the
    /// first line is Base64 of a JSON object: the caller confirms with
    /// `isBase64Source` on the whole source.
    public static func sniff(_ prefix: [UInt8]) -> InputFormat {
        var i = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < prefix.count, [0x20, 0x09, 0x0A, 0x0D, 0x1E].contains(prefix[i]) { i += 1 }
        guard i < prefix.count else { return .json }
        switch prefix[i] {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return .json
        default:
            break
        }
        if HTTPCapture.startsWithRequestLine(prefix[...]) { return .http }
        var end = i
        while end < prefix.count && prefix[end] != 0x0A { end += 1 }
        var last = end
        while last > i && (prefix[last - 1] == 0x0D || prefix[last - 1] == 0x20 || prefix[last - 1] == 0x09) { last -= 1 }
        return Base64Documents.decodesToJSON(prefix[i..<last]) ? .base64 : .json
    }

    /// True when every non-blank line is Base64 that decodes to a JSON object.
    public static func isBase64Source(_ source: [UInt8]) -> Bool {
        let blobs = Base64Documents.blobs(in: source)
        return !blobs.isEmpty && blobs.allSatisfy { Base64Documents.decodesToJSON(source[$0.start..<$0.end]) }
    }
}
