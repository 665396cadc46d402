import VODHookCore

/// Seeded random JSON texts, valid by construction, and mutations of them
/// that are usually not: the material for the property and differential tests.
struct RandomJSONText {
    var random: SplitMix64
    /// Keys are drawn from a small set so objects repeat keys now and then.
    /// False for NDJSON, whose texts never span lines.
    var lineBreaks = true
    let keys = ["a", "b", "id", "Status", "é", "\\u0061", "\\u00e9", "", "k\\/", "😀", "\\uD83D\\uDE00", "a b"]

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    mutating func document(maxDepth: Int = 5) -> [UInt8] {
        var out: [UInt8] = []
        whitespace(&out)
        value(&out, depth: maxDepth)
        whitespace(&out)
        return out
    }

    mutating func value(_ out: inout [UInt8], depth: Int) {
        switch int(depth > 0 ? 0...7 : 2...7) {
        case 0: object(&out, depth: depth - 1)
        case 1: array(&out, depth: depth - 1)
        case 2, 3: string(&out)
        case 4, 5: number(&out)
        default: out += Array(["true", "false", "null"][int(0...2)].utf8)
        }
    }

    mutating func object(_ out: inout [UInt8], depth: Int) {
        out.append(UInt8(ascii: "{"))
        // Now and then more keys than the duplicate finder compares pairwise.
        for index in 0..<(chance(3) ? int(33...60) : int(0...4)) {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            whitespace(&out)
            out += Array("\"\(keys[int(0...keys.count - 1)])\"".utf8)
            whitespace(&out)
            out.append(UInt8(ascii: ":"))
            whitespace(&out)
            value(&out, depth: depth)
            whitespace(&out)
        }
        out.append(UInt8(ascii: "}"))
    }

    mutating func array(_ out: inout [UInt8], depth: Int) {
        out.append(UInt8(ascii: "["))
        for index in 0..<int(0...4) {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            whitespace(&out)
            value(&out, depth: depth)
            whitespace(&out)
        }
        out.append(UInt8(ascii: "]"))
    }

    static let stringPieces = [
        "a", "Z", " ", "~", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0000", "\\u001f",
        "\\u00e9", "\\u00C9", "\\u4E2d", "\\uFFFF", "\\uD83D\\uDE00", "\\udbff\\udfff", "é", "中", "😀",
        "\u{7F}", "\u{80}", "\u{2028}", "\u{FEFF}", "\u{10FFFF}",
    ].map { Array($0.utf8) }

    mutating func string(_ out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for _ in 0..<int(0...6) { out += Self.stringPieces[int(0...Self.stringPieces.count - 1)] }
        out.append(UInt8(ascii: "\""))
    }

    mutating func number(_ out: inout [UInt8]) {
        var text = chance(30) ? "-" : ""
        if chance(20) {
            text += "0"
        } else {
            text += String(int(1...9))
            for _ in 0..<int(0...(chance(10) ? 40 : 5)) { text += String(int(0...9)) }
        }
        if chance(30) {
            text += "."
            for _ in 0..<int(1...6) { text += String(int(0...9)) }
        }
        if chance(25) {
            text += ["e", "E"][int(0...1)] + ["", "+", "-"][int(0...2)]
            for _ in 0..<int(1...3) { text += String(int(0...9)) }
        }
        out += Array(text.utf8)
    }

    mutating func whitespace(_ out: inout [UInt8]) {
        guard chance(30) else { return }
        for _ in 0..<int(1...3) { out.append([0x20, 0x09, 0x0A, 0x0D][int(0...(lineBreaks ? 3 : 1))]) }
    }

    /// Bytes and pieces that break JSON in the ways people and programs do.
    static let damage = [
        ",", "]", "}", "[", "{", ":", "\"", "\\", "'", "/", "//", "/*", "0", "-", "+", ".", "e", "E", " ",
        "\n", "\t", "\u{0}", "\u{1}", "\u{1F}", "NaN", "Infinity", "-Infinity", "nul", "tru", "\\u", "\\uD800",
        "\\uDC00", "\\x", "\\u12", "é", "\u{A0}", "\u{1E}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3]]

    /// One to three damages: a byte removed, replaced or a piece inserted.
    mutating func mutate(_ text: [UInt8], avoiding forbidden: Set<UInt8> = []) -> [UInt8] {
        var result = text
        for _ in 0..<int(1...3) {
            let at = int(0...result.count)
            let piece = Self.damage[int(0...Self.damage.count - 1)]
            if piece.contains(where: forbidden.contains) { continue }
            switch int(0...2) {
            case 0 where at < result.count: result.remove(at: at)
            case 1 where at < result.count: result.replaceSubrange(at...at, with: piece)
            default: result.insert(contentsOf: piece, at: at)
            }
        }
        return result
    }
}
