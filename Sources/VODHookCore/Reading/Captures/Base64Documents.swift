/// MNS message bodies that the queue Base64-encoded: one blob per line, or
/// a blob wrapped over several lines at a fixed width. Findings point at the
/// Base64 character in the source that encodes the offending byte, and say
/// where inside the decoded body they are.
public enum Base64Documents {
    /// Calls `body` with each body's document (or its `base64-syntax`
    /// finding) and the way back to the source.
    public static func forEach(_ source: [UInt8], _ body: (ReadDocument, DocumentOrigin) -> Void) {
        let locator = MemoryLocator(source)
        var index = 0
        for blob in blobs(in: source) {
            index += 1
            let text = blob.text(in: source)
            let decoded: [UInt8]
            switch Base64.decode(text) {
            case .success(let bytes): decoded = bytes
            case .failure(let error):
                let offset = blob.sourceOffset(ofCharacter: error.offset - text.startIndex)
                emitSyntax("not Base64: \(error.message)", at: offset, index: index, blob: blob, locator: locator, body)
                continue
            }
            if let problem = notJSONText(decoded) {
                emitSyntax(problem, at: blob.start, index: index, blob: blob, locator: locator, body)
                continue
            }
            let reader = DocumentReader(input: BytesInput(decoded), mode: .body, blockSize: max(decoded.count, 16))
            let origin = DocumentOrigin(locator: locator, request: nil) { diagnostic in
                let inside = reader.position(ofSourceOffset: diagnostic.offset)
                diagnostic.message += " (in the decoded body at line \(inside.line), column \(inside.column))"
                diagnostic.offset = blob.sourceOffset(ofDecodedByte: diagnostic.offset)
            }
            // Bytes in memory cannot fail to read.
            try? reader.forEach { inner in
                var document = inner
                document.index = index
                document.startOffset = blob.start
                body(document, origin)
            }
        }
        if index == 0 { HTTPCaptureDocuments.emitNoDocument(locator, body) }
    }

    private static func emitSyntax(
        _ message: String, at offset: Int, index: Int, blob: Base64Blob, locator: MemoryLocator,
        _ body: (ReadDocument, DocumentOrigin) -> Void
    ) {
        let finding = Diagnostic(.error, .base64Syntax, message, offset: offset)
        body(ReadDocument(index: index, pointerPrefix: "", startOffset: blob.start, json: nil, findings: [finding]),
             DocumentOrigin(locator: locator, request: nil, relocate: { _ in }))
    }

    /// Nil when the decoded bytes are UTF-8 text that starts like a JSON value.
    static func notJSONText(_ decoded: [UInt8]) -> String? {
        var i = 0
        if decoded.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        while i < decoded.count, [0x20, 0x09, 0x0A, 0x0D].contains(decoded[i]) { i += 1 }
        guard i < decoded.count else { return "the decoded body is empty" }
        let first = decoded[i]
        let startsLikeJSON = first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "\"")
            || first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
            || first == UInt8(ascii: "t") || first == UInt8(ascii: "f") || first == UInt8(ascii: "n")
        if !startsLikeJSON {
            return "the decoded body is not JSON text (it starts with \(JSONReadProblem.Found.byte(first).quoted))"
        }
        return nil
    }

    /// The blobs of a source, paragraph by paragraph (runs of non-blank
    /// lines). A paragraph whose lines each decode to a JSON object holds one
    /// body per line; one with the shape of a wrapped body is a single blob
    /// when its lines decode to JSON only together, or when no line but the
    /// first looks like a body of its own (a damaged wrapped body, whose
    /// error is then found at its place rather than on every line).
    static func blobs(in source: [UInt8]) -> [Base64Blob] {
        var blobs: [Base64Blob] = []
        for paragraph in paragraphs(in: source) {
            if paragraph.count > 1, !paragraph.allSatisfy({ decodesToJSON(source[$0]) }),
               Base64Blob.isWrappedShape(paragraph, in: source) {
                let wrapped = Base64Blob(lines: paragraph)
                if decodesToJSON(wrapped.text(in: source)) || !paragraph.dropFirst().contains(where: { decodesToJSON(source[$0]) }) {
                    blobs.append(wrapped)
                    continue
                }
            }
            blobs += paragraph.map { Base64Blob(lines: [$0]) }
        }
        return blobs
    }

    /// Non-blank lines, trimmed of blanks (a CRLF's CR too), grouped by the blank lines between them.
    private static func paragraphs(in source: [UInt8]) -> [[Range<Int>]] {
        var paragraphs: [[Range<Int>]] = []
        var current: [Range<Int>] = []
        var start = 0
        while start < source.count {
            var end = start
            while end < source.count && source[end] != 0x0A { end += 1 }
            var first = start, last = end
            while first < last && isBlank(source[first]) { first += 1 }
            while last > first && isBlank(source[last - 1]) { last -= 1 }
            if last > first {
                current.append(first..<last)
            } else if !current.isEmpty {
                paragraphs.append(current)
                current = []
            }
            start = end + 1
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    /// True when every blob in the source is Base64 that decodes to a JSON object.
    static func allDecodeToJSON(_ source: [UInt8]) -> Bool {
        let blobs = blobs(in: source)
        return !blobs.isEmpty && blobs.allSatisfy { decodesToJSON($0.text(in: source)) }
    }

    /// The auto-detection test: Base64 whose decoded text is a JSON object.
    public static func decodesToJSON(_ text: ArraySlice<UInt8>) -> Bool {
        guard Base64.looksLikeBase64(text), case .success(let decoded) = Base64.decode(text) else { return false }
        var i = decoded.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while i < decoded.count, [0x20, 0x09, 0x0A, 0x0D].contains(decoded[i]) { i += 1 }
        return i < decoded.count && decoded[i] == UInt8(ascii: "{")
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}
