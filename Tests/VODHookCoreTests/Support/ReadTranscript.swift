import VODHookCore

/// Hands bytes over a few at a time, as a slow pipe does, so a small reader
/// buffer meets every boundary there is.
struct DribbleInput: ByteInput {
    let bytes: [UInt8]
    let step: Int
    var position = 0

    init(_ bytes: [UInt8], step: Int) {
        self.bytes = bytes
        self.step = step
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let count = min(buffer.count, step, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
        }
        position += count
        return count
    }
}

/// Everything a read says about each document, one string per document:
/// index, place, normalized form and every finding with its position. Two
/// reads of the same bytes must give the same transcript, whatever the
/// buffer size or the way the input arrives.
func readTranscript(_ input: some ByteInput, mode: ReadingMode, blockSize: Int) throws -> [String] {
    let reader = DocumentReader(input: input, mode: mode, blockSize: blockSize)
    var transcript: [String] = []
    try reader.forEach { document in
        var text = "#\(document.index)\(document.pointerPrefix) @\(document.startOffset) \(reader.position(ofSourceOffset: document.startOffset))"
        if let json = document.json {
            var normalized: [UInt8] = []
            JSONWriter.write(json, layout: .compact, into: &normalized)
            text += " " + String(decoding: normalized, as: UTF8.self)
            if json.sourceOffset(of: json.root) != document.startOffset { text += " ROOT MISPLACED" }
        }
        for finding in document.findings {
            text += "\n  \(finding.rule) @\(finding.offset) \(reader.position(ofSourceOffset: finding.offset)) \(finding.message)"
        }
        transcript.append(text)
    }
    return transcript
}
