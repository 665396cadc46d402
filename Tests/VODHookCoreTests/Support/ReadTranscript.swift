import VODHookCore

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
