// libFuzzer target: the gzip decoder, on the input as gzip and on the input
// gzip'd here and then cut. Built by Fuzz/build.sh; not part of the package.
import Decompression
import VODHookCore

/// The decompressed text and the damage finding's message, position and excerpt.
struct Decoded: Equatable {
    var text: [UInt8]
    var damage: String?
}

func decode(_ compressed: any ByteInput, decoderThread: Bool, piece: Int) -> Decoded {
    let source = GzipSource(compressed: compressed, decoderThread: decoderThread)
    var input = source.input
    var text: [UInt8] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: piece, alignment: 8)
    defer { buffer.deallocate() }
    do {
        while true {
            let count = try input.read(into: buffer)
            if count == 0 { break }
            fuzzCheck(count <= piece, "read \(count) bytes into \(piece)")
            text += buffer[0..<count]
        }
    } catch {
        fuzzFailure("an in-memory input threw \(error)")
    }
    guard let (finding, locator) = source.finish() else { return Decoded(text: text, damage: nil) }
    fuzzCheck(finding.rule == .compressedInputDamaged, "damage as \(finding.rule)")
    fuzzCheck(finding.offset == text.count, "damage at \(finding.offset) after \(text.count) bytes of text")
    let position = locator.position(ofSourceOffset: finding.offset)
    let lines = text.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    fuzzCheck(position.line == lines + 1, "damage on line \(position.line) after \(lines) line feeds")
    let lastLine = text.split(separator: 0x0A, omittingEmptySubsequences: false).last ?? []
    let columns = lastLine.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    fuzzCheck(position.column == columns + 1, "damage at column \(position.column) after \(columns) characters")
    let excerpt = locator.sourceLine(containing: finding.offset, reach: 240)
    fuzzCheck(lastLine.count >= excerpt.text.count && lastLine.suffix(excerpt.text.count).elementsEqual(excerpt.text), "the excerpt is not the end of the last line")
    return Decoded(text: text, damage: "\(finding.message) \(position) \(excerpt.firstColumn) \(excerpt.text)")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    let step = 1 + bytes.count % 7
    // The input as gzip: whole, dribbled into small pieces, and on the decoder thread, alike.
    let whole = decode(BytesInput(bytes), decoderThread: false, piece: 1 << 16)
    fuzzCheck(decode(DribbleInput(bytes, step: step), decoderThread: false, piece: 1 + bytes.count % 13) == whole,
              "dribbled gzip input decodes differently")
    fuzzCheck(decode(BytesInput(bytes), decoderThread: true, piece: 4096) == whole, "the decoder thread decodes differently")
    // The input as text: gzip'd in two members, it reads back whole; cut, it reads back a prefix and one damage.
    let half = bytes.count / 2
    let firstMember = gzipped(Array(bytes[..<half]))
    let compressed = firstMember + gzipped(Array(bytes[half...]))
    let intact = decode(BytesInput(compressed), decoderThread: false, piece: 1 + bytes.count % 4096)
    fuzzCheck(intact == Decoded(text: bytes, damage: nil), "a gzip'd input reads back as \(intact.text.count) bytes, damage \(intact.damage ?? "none")")
    let cut = bytes.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF } % compressed.count
    let shortened = decode(BytesInput(Array(compressed[..<cut])), decoderThread: false, piece: 1 << 16)
    fuzzCheck(bytes.starts(with: shortened.text), "a cut gzip reads back text that is not a prefix")
    if cut == firstMember.count {
        // Cut between the members: a whole gzip of the first half.
        fuzzCheck(shortened == Decoded(text: Array(bytes[..<half]), damage: nil), "a gzip cut between its members: \(shortened.damage ?? "no damage")")
    } else {
        fuzzCheck(cut == 0 || shortened.damage?.contains("compressed byte \(cut)") == true,
                  "a gzip cut at \(cut) of \(compressed.count): \(shortened.damage ?? "no damage")")
    }
    return 0
}
