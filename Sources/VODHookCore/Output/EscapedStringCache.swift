/// The JSON literals of strings that recur on every record (the source's
/// name, the event type), kept so each record copies bytes instead of
/// escaping the same text again. A String compares equal to the one it was
/// copied from in a single check, so a hit costs next to nothing.
final class EscapedStringCache {
    private var entries: [(text: String, literal: [UInt8])] = []
    private let limit = 4

    func append(_ text: String, to out: inout [UInt8]) {
        for entry in entries where entry.text == text {
            out.append(contentsOf: entry.literal)
            return
        }
        var literal: [UInt8] = []
        JSONText.appendString(text, to: &literal)
        out.append(contentsOf: literal)
        if entries.count == limit { entries.removeFirst() }
        entries.append((text, literal))
    }
}
