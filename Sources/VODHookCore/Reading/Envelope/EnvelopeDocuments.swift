/// The callbacks inside envelopes: for each document read, the value at
/// `--at POINTER`, as a document of its own. An object there is the
/// callback in place; a string there holds its JSON text, which is
/// decoded and read, and whose findings are moved back onto the escaped
/// text in the source.
public enum EnvelopeDocuments {
    /// Calls `body` once with the callback of `document` (or its one
    /// `at-pointer-missing` finding), and a way to move findings made in
    /// the callback's own offsets into the source (nil when they already are).
    /// `findings` of the envelope itself (a duplicate key, a byte-order
    /// mark) stay with it, in source offsets: `body` gets them apart.
    public static func unwrap(
        _ document: ReadDocument, at pointer: EnvelopePointer,
        _ body: (_ callback: ReadDocument, _ envelopeFindings: [Diagnostic], _ relocate: ((inout Diagnostic) -> Void)?) -> Void
    ) {
        guard let json = document.json else { return body(document, [], nil) }
        switch pointer.resolve(in: json) {
        case .object(let node):
            var callback = document
            callback.json = subtree(of: json, at: node)
            callback.pointerPrefix = ""
            callback.startOffset = json.sourceOffset(of: node)
            body(callback, [], nil)
        case .string(let node):
            let (decoded, origins) = JSONString.decodeWithOrigins(json.bytes, start: json[node].start, end: json[node].end)
            let base = json.baseOffset
            let relocate = { (diagnostic: inout Diagnostic) in
                diagnostic.offset = base + origins[min(max(diagnostic.offset, 0), origins.count - 1)]
            }
            if let problem = Base64Documents.notJSONText(decoded) {
                let message = "--at \(TerminalSafe.quotedExcerpt(pointer.text)) finds no callback: the string there is "
                    + problem.dropFirst("the decoded body is ".count)
                let finding = Diagnostic(.error, .atPointerMissing, message, offset: json.sourceOffset(of: node),
                                         hint: "--at names where the callback sits in each document: an object, or a string holding its JSON text")
                var missing = document
                missing.json = nil
                missing.findings = []
                return body(missing, document.findings + [finding], nil)
            }
            let reader = DocumentReader(input: BytesInput(decoded), mode: .body, blockSize: max(decoded.count, 16))
            // Bytes in memory cannot fail to read.
            try? reader.forEach { inner in
                var callback = inner
                callback.index = document.index
                callback.startOffset = json.sourceOffset(of: node)
                body(callback, document.findings, relocate)
            }
        case .missing(let reason, let node):
            let finding = Diagnostic(
                .error, .atPointerMissing, "--at \(TerminalSafe.quotedExcerpt(pointer.text)) finds no callback: \(reason)",
                offset: json.sourceOffset(of: node), pointer: document.pointerPrefix,
                hint: "--at names where the callback sits in each document: an object, or a string holding its JSON text")
            var missing = document
            missing.json = nil
            missing.findings = []
            body(missing, document.findings + [finding], nil)
        }
    }

    /// The value at `node` as a document of its own, on the same bytes.
    static func subtree(of document: JSONDocument, at node: Int) -> JSONDocument {
        guard node > 0 else { return document }
        let end = Int(document[node].next)
        let shift = Int32(node)
        let nodes = document.nodes[node..<end].map { node in
            var moved = node
            moved.next -= shift
            return moved
        }
        return JSONDocument(bytes: document.bytes, baseOffset: document.baseOffset, nodes: nodes)
    }
}
