/// The callback bodies of a raw HTTP capture, one document per request.
/// A malformed request is its own `http-syntax` document, and the next
/// request is still read.
public enum HTTPCaptureDocuments {
    public static func forEach(_ capture: [UInt8], _ body: (ReadDocument, DocumentOrigin) -> Void) {
        var index = 0
        _ = forEachArrived(capture, from: 0, isComplete: true, index: &index, body)
    }

    /// The documents of the requests in `capture` from `start` on, for a
    /// capture still arriving (`tail -f capture.http | vodhook verify`):
    /// unless `isComplete`, the last request is held back when it may not
    /// have arrived whole (no Content-Length or chunked framing to say it
    /// did, or a syntax error the rest may mend). `index` counts the
    /// requests so far. Returns where the next call starts.
    public static func forEachArrived(
        _ capture: [UInt8], from start: Int, isComplete: Bool, index: inout Int, _ body: (ReadDocument, DocumentOrigin) -> Void
    ) -> Int {
        let locator = MemoryLocator(capture)
        var items = HTTPCaptureReader(source: HTTPSource(bytes: capture[start...])).readAllWithEnds()
        var resume = items.last?.next ?? capture.count
        if !isComplete, let last = items.last, !isWhole(last.item) {
            items.removeLast()
            resume = items.last?.next ?? start
        }
        for (item, _) in items {
            index += 1
            switch item {
            case .malformed(let error, let requestStart):
                let finding = Diagnostic(.error, .httpSyntax, error.message, offset: error.offset)
                let document = ReadDocument(index: index, pointerPrefix: "", startOffset: requestStart, json: nil, findings: [finding])
                body(document, DocumentOrigin(locator: locator, request: nil, relocate: { _ in }))
            case .request(let request):
                let origin = DocumentOrigin(locator: locator, request: request) { diagnostic in
                    diagnostic.offset = request.captureOffset(ofBodyOffset: diagnostic.offset)
                }
                let reader = DocumentReader(input: BytesInput(request.body), mode: .body, blockSize: max(request.body.count, 16))
                // Bytes in memory cannot fail to read.
                try? reader.forEach { inner in
                    var document = inner
                    document.index = index
                    document.startOffset = request.captureOffset(ofBodyOffset: inner.startOffset)
                    body(document, origin)
                }
            }
        }
        if isComplete && index == 0 { emitNoDocument(locator, body) }
        return resume
    }

    /// A request whose framing says all of it is here.
    private static func isWhole(_ item: HTTPCaptureItem) -> Bool {
        guard case .request(let request) = item else { return false }
        return request.header("Content-Length") != nil || request.header("Transfer-Encoding") != nil
    }

    /// Every source appears in the output, even one that holds nothing.
    static func emitNoDocument(_ locator: MemoryLocator, _ body: (ReadDocument, DocumentOrigin) -> Void) {
        let finding = Diagnostic(.error, .noDocument, "the source holds no request or body (it is empty or blank)", offset: 0)
        body(ReadDocument(index: 1, pointerPrefix: "", startOffset: 0, json: nil, findings: [finding]),
             DocumentOrigin(locator: locator, request: nil, relocate: { _ in }))
    }
}
