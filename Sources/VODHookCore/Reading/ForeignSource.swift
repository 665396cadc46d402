/// A source that is not UTF-8 text at all: UTF-16 or UTF-32, a compressed
/// file, or a binary. Recognized from its first bytes, so it gets one
/// finding naming what it is instead of hundreds of syntax errors.
public struct ForeignSource: Sendable, Hashable {
    /// What the source is, as a message says it: "UTF-16LE text (with a byte-order mark)".
    public let what: String
    /// How to turn it into something the tool reads.
    public let advice: String
    /// Where the telling bytes are: 0, or the first NUL byte of a binary.
    public let offset: Int

    /// Git calls a file binary when its first 8000 bytes hold a NUL; so do we.
    public static let binaryWindow = 8000

    /// Looks at the start of a source (`prefix` need not be all of it).
    public static func detect(_ prefix: [UInt8]) -> ForeignSource? {
        func starts(_ magic: [UInt8]) -> Bool { prefix.starts(with: magic) }
        func unicode(_ name: String, bom: Bool) -> ForeignSource {
            let from = bom ? String(name.prefix(6)) : name
            return ForeignSource(
                what: "\(name) text" + (bom ? " (with a byte-order mark)" : ""),
                advice: "convert it to UTF-8 first, e.g. 'iconv -f \(from) -t UTF-8 in.json > out.json'", offset: 0)
        }
        func compressed(_ name: String, _ command: String) -> ForeignSource {
            ForeignSource(what: "\(name)-compressed data", advice: "decompress it first, e.g. '\(command)'", offset: 0)
        }
        func program(_ name: String) -> ForeignSource {
            ForeignSource(what: "\(name) executable or object file", advice: "check the path: this is a program, not a callback payload", offset: 0)
        }
        if starts([0xFF, 0xFE, 0x00, 0x00]) { return unicode("UTF-32LE", bom: true) }
        if starts([0x00, 0x00, 0xFE, 0xFF]) { return unicode("UTF-32BE", bom: true) }
        if starts([0xFF, 0xFE]) { return unicode("UTF-16LE", bom: true) }
        if starts([0xFE, 0xFF]) { return unicode("UTF-16BE", bom: true) }
        // Without a BOM, JSON's first two characters are ASCII, so the NULs'
        // places tell the encoding (RFC 4627 §3).
        if prefix.count >= 4 {
            let zero = prefix.prefix(4).map { $0 == 0 }
            switch (zero[0], zero[1], zero[2], zero[3]) {
            case (true, true, true, false): return unicode("UTF-32BE", bom: false)
            case (false, true, true, true): return unicode("UTF-32LE", bom: false)
            case (true, false, true, false): return unicode("UTF-16BE", bom: false)
            case (false, true, false, true): return unicode("UTF-16LE", bom: false)
            default: break
            }
        } else if prefix.count == 2 {
            if prefix[0] == 0 && prefix[1] != 0 { return unicode("UTF-16BE", bom: false) }
            if prefix[0] != 0 && prefix[1] == 0 { return unicode("UTF-16LE", bom: false) }
        }
        if starts([0x1F, 0x8B]) { return compressed("gzip", "gzip -dc in.json.gz > in.json") }
        if starts([0x28, 0xB5, 0x2F, 0xFD]) { return compressed("zstd", "zstd -dc in.json.zst > in.json") }
        if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return compressed("xz", "xz -dc in.json.xz > in.json") }
        if prefix.count >= 10, starts([0x42, 0x5A, 0x68]), (0x31...0x39).contains(prefix[3]),
           prefix[4..<10].elementsEqual([0x31, 0x41, 0x59, 0x26, 0x53, 0x59]) {
            return compressed("bzip2", "bzip2 -dc in.json.bz2 > in.json")
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) {
            return ForeignSource(what: "a zip archive", advice: "extract the payload first, e.g. 'unzip -p in.zip > in.json'", offset: 0)
        }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return program("an ELF") }
        if [[0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], [0xCE, 0xFA, 0xED, 0xFE], [0xCF, 0xFA, 0xED, 0xFE], [0xCA, 0xFE, 0xBA, 0xBE]]
            .contains(where: starts) {
            return program("a Mach-O")
        }
        // A NUL in text that starts like JSON, a capture or Base64 is one bad
        // character, reported where it is; elsewhere it marks a binary.
        if !startsLikeText(prefix), let nul = prefix.prefix(binaryWindow).firstIndex(of: 0) {
            return ForeignSource(
                what: "binary data (a NUL byte at offset \(nul))",
                advice: "callback payloads are UTF-8 JSON text; check the path, or convert the file first", offset: nul)
        }
        return nil
    }

    /// Whether the first significant byte (after a UTF-8 BOM and whitespace)
    /// can start a JSON text, an HTTP request line or a Base64 line.
    static func startsLikeText(_ prefix: [UInt8]) -> Bool {
        var index = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < prefix.count, [0x20, 0x09, 0x0A, 0x0D, 0x1E].contains(prefix[index]) { index += 1 }
        guard index < prefix.count else { return true }
        switch prefix[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "+"), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    /// The one finding the source gets.
    public var diagnostic: Diagnostic {
        Diagnostic(.error, .sourceEncoding, "the source is \(what), not UTF-8 JSON text", offset: offset, hint: advice)
    }
}
