/// Writes samples the way `normalize` writes documents: the JSON text is
/// read back with the project's reader and written by `JSONWriter` in the
/// spec's key order, so a sample is already in canonical shape and cannot
/// drift from what `normalize` would make of it.
public struct SampleWriter {
    /// Why a text could not be written: the reader's finding about it.
    public struct NotWellFormed: Error {
        public let finding: Diagnostic
    }

    public let layout: JSONLayout
    private let order: KeyOrder

    public init(layout: JSONLayout, event: EventSpec = .deleteMediaComplete) {
        self.layout = layout
        order = KeyOrder(event.object)
    }

    /// The same layout in another event's field order.
    public func forEvent(_ event: EventSpec) -> SampleWriter { SampleWriter(layout: layout, event: event) }

    /// The written form of one JSON text. A repeated key is kept, not a
    /// failure, since a violation needs it; a text the reader cannot parse
    /// (a `--set` value can nest too deep, say) throws the reader's finding.
    public func write(_ text: [UInt8]) throws(NotWellFormed) -> [UInt8] {
        // A reader sized to the text: a million samples should not cost a million 1 MiB buffers.
        let reader = DocumentReader(input: BytesInput(text), mode: .body, blockSize: text.count + 16)
        var out: [UInt8] = []
        var problem: Diagnostic?
        try? reader.forEach { document in
            if let tree = document.json {
                JSONWriter.write(tree, layout: layout, topLevelOrder: order, into: &out)
            } else {
                problem = document.findings.first { $0.severity == .error }
            }
        }
        if let problem { throw NotWellFormed(finding: problem) }
        return out
    }

    /// For text the sample code built itself, which is well-formed by construction.
    func written(_ text: [UInt8]) -> [UInt8] {
        do {
            return try write(text)
        } catch {
            preconditionFailure("sample text is not well-formed: \(error.finding.message)")
        }
    }
}
