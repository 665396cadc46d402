import Platform

extension TapeWriter {
    /// Writes a string token with minimal escaping. Its unescaped runs are
    /// minimal already (the parser rejects raw quotes, backslashes and
    /// controls), so they are copied; each escape is decoded and put back in
    /// its minimal form, which is the same for normalized and canonical output.
    @inline(__always)
    mutating func writeString(_ node: JSONNode) {
        guard node.hasEscapes else {
            put(UnsafeRawBufferPointer(rebasing: bytes[node.start..<node.end]))
            return
        }
        put(UInt8(ascii: "\""))
        let last = node.end - 1
        var run = node.start + 1
        var i = run
        while i < last {
            // memchr scans a word or a vector at a time; escaped strings are
            // mostly long plain runs (URLs with "\/", embedded JSON).
            // i < last <= count, so bytes is not empty.
            guard let found = Memory.first(UInt8(ascii: "\\"), from: bytes.baseAddress! + i, count: last - i) else { break }
            i = bytes.baseAddress!.distance(to: found)
            put(UnsafeRawBufferPointer(rebasing: bytes[run..<i]))
            i = putEscape(at: i)
            run = i
        }
        put(UnsafeRawBufferPointer(rebasing: bytes[run..<last]))
        put(UInt8(ascii: "\""))
    }

    /// Puts the minimal form of the escape at `i` (already validated by the
    /// parser: surrogates come in pairs) and returns the index after it.
    private mutating func putEscape(at i: Int) -> Int {
        let letter = bytes[i + 1]
        guard letter == UInt8(ascii: "u") else {
            put(MinimalEscape.forms[Int(Self.shortEscapeValue(letter))])
            return i + 2
        }
        var value = hexQuad(at: i + 2)
        var next = i + 6
        if value & 0xFC00 == 0xD800 {
            value = 0x10000 + ((value - 0xD800) << 10) + (hexQuad(at: i + 8) - 0xDC00)
            next = i + 12
        }
        if value < 0x80 {
            put(MinimalEscape.forms[Int(value)])
        } else {
            UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { put($0) }
        }
        return next
    }

    /// The byte a two-character escape stands for (RFC 8259 §7).
    private static func shortEscapeValue(_ letter: UInt8) -> UInt8 {
        switch letter {
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: letter  // '"', '\' and '/' stand for themselves
        }
    }

    private func hexQuad(at i: Int) -> UInt32 {
        var value: UInt32 = 0
        for k in 0..<4 { value = value << 4 | UInt32(hexValue(bytes[i + k]) ?? 0) }
        return value
    }
}
