/// MNS message bodies that the queue Base64-encoded: one blob per line, or
/// the whole source as one blob. Findings point at the blob's line in the
/// source and say where inside the decoded body they are.
public enum Base64Documents {
    /// A blob's bytes within the source.
    struct Blob {
        let start: Int
        let end: Int
    }

    public static func forEach(_ source: [UInt8], _ body: (ReadDocument, DocumentOrigin) -> Void) {
        let locator = MemoryLocator(source)
        var index = 0
        for blob in blobs(in: source) {
            index += 1
            let text = source[blob.start..<blob.end]
            let decoded: [UInt8]
            switch Base64.decode(text) {
            case .success(let bytes): decoded = bytes
            case .failure(let error):
                emitSyntax("not Base64: \(error.message)", at: error.offset, index: index, blob: blob, locator: locator, body)
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
                diagnostic.offset = blob.start
            }
            try? reader.forEach { inner in
                var document = inner
                document.index = index
                document.startOffset = blob.start
                body(document, origin)
            }
        }
        if index == 0 { HTTPCaptureDocuments.emitNoDocument(locator, body) }
    }

    private static func emitSyntax(_ message: String, at offset: Int, index: Int, blob: Blob, locator: MemoryLocator, _ body: (ReadDocument, DocumentOrigin) -> Void) {
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

    /// One blob per non-blank line; but when lines only make sense together
    /// (a body wrapped at 76 columns), the whole source is one blob.
    static func blobs(in source: [UInt8]) -> [Blob] {
        var lines: [Blob] = []
        var start = 0
        while start < source.count {
            var end = start
            while end < source.count && source[end] != 0x0A { end += 1 }
            var first = start, last = end
            while first < last && isBlank(source[first]) { first += 1 }
            while last > first && isBlank(source[last - 1]) { last -= 1 }
            if last > first { lines.append(Blob(start: first, end: last)) }
            start = end + 1
        }
        guard lines.count > 1 else { return lines }
        let eachDecodes = lines.allSatisfy { decodesToJSON(source[$0.start..<$0.end]) }
        if !eachDecodes, wrapsOneBody(lines, in: source) {
            return [Blob(start: lines[0].start, end: lines[lines.count - 1].end)]
        }
        return lines
    }

    /// True for a single body split over lines of equal length (MIME-style wrapping).
    private static func wrapsOneBody(_ lines: [Blob], in source: [UInt8]) -> Bool {
        let width = lines[0].end - lines[0].start
        guard width >= 16, lines.dropLast().allSatisfy({ $0.end - $0.start == width }) else { return false }
        var joined: [UInt8] = []
        for line in lines { joined += source[line.start..<line.end] }
        return decodesToJSON(joined[...])
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
