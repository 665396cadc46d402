/// The callback bodies of a raw HTTP capture, one document per request.
/// A malformed request is its own `http-syntax` document, and the next
/// request is still read.
public enum HTTPCaptureDocuments {
    public static func forEach(_ capture: [UInt8], _ body: (ReadDocument, DocumentOrigin) -> Void) {
        let locator = MemoryLocator(capture)
        var index = 0
        for item in HTTPCapture.read(capture) {
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
        if index == 0 { emitNoDocument(locator, body) }
    }

    /// Every source appears in the output, even one that holds nothing.
    static func emitNoDocument(_ locator: MemoryLocator, _ body: (ReadDocument, DocumentOrigin) -> Void) {
        let finding = Diagnostic(.error, .noDocument, "the source holds no request or body (it is empty or blank)", offset: 0)
        body(ReadDocument(index: 1, pointerPrefix: "", startOffset: 0, json: nil, findings: [finding]),
             DocumentOrigin(locator: locator, request: nil, relocate: { _ in }))
    }
}
