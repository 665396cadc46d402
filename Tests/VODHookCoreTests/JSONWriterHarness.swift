import Testing
import VODHookCore

/// Runs the writer the way the tool does: on a document the reader produced.
enum WriterHarness {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String
    }

    /// Calls `body` with the one document in `bytes`, read as a body so a
    /// top-level array stays whole. Reader findings are errors unless allowed
    /// (duplicate keys, which some tests want, are findings).
    static func withDocument<R>(
        _ bytes: [UInt8], allowingFindings: Bool = false, _ body: (JSONDocument) -> R
    ) throws -> R {
        var result: R?
        var problems: [String] = []
        // Leading whitespace is dropped because the reader shifts its buffer
        // after parsing a document that does not start at offset 0 when it
        // looks past the value's end, leaving node offsets stale. The writer
        // never sees whitespace before the root anyway.
        let start = bytes.firstIndex { ![0x20, 0x0A, 0x0D, 0x09].contains($0) } ?? bytes.endIndex
        let reader = DocumentReader(input: BytesInput(Array(bytes[start...])), mode: .body)
        try reader.forEach { read in
            if !allowingFindings || read.json == nil { problems += read.findings.map(\.message) }
            if let json = read.json { result = body(json) }
        }
        guard problems.isEmpty, let result else {
            throw Unreadable(description: "\(problems) reading \(String(decoding: bytes, as: UTF8.self))")
        }
        return result
    }

    static func write(
        _ bytes: [UInt8], _ layout: JSONLayout, order: [String] = [], allowingFindings: Bool = false
    ) throws -> [UInt8] {
        try withDocument(bytes, allowingFindings: allowingFindings) { document in
            var output: [UInt8] = []
            JSONWriter.write(document, layout: layout, topLevelOrder: order, into: &output)
            return output
        }
    }

    static func write(
        _ text: String, _ layout: JSONLayout, order: [String] = [], allowingFindings: Bool = false
    ) throws -> String {
        String(decoding: try write(Array(text.utf8), layout, order: order, allowingFindings: allowingFindings), as: UTF8.self)
    }

    /// Nil when the writer refuses the document.
    static func canonical(_ bytes: [UInt8], allowingFindings: Bool = false) throws -> [UInt8]? {
        try withDocument(bytes, allowingFindings: allowingFindings) { document in
            var output: [UInt8] = []
            return JSONWriter.writeCanonical(document, into: &output) ? output : nil
        }
    }

    static func canonical(_ text: String, allowingFindings: Bool = false) throws -> String? {
        try canonical(Array(text.utf8), allowingFindings: allowingFindings).map { String(decoding: $0, as: UTF8.self) }
    }
}
