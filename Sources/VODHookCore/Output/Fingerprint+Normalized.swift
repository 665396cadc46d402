extension Fingerprint {
    /// The fingerprint of a document's compact normalized form, exactly as
    /// `JSONWriter.write(_:layout: .compact, topLevelOrder: order, into:)`
    /// would write it. Most machine-written callbacks already are in that
    /// form; their own bytes are fingerprinted in place rather than copied
    /// out first. Others are written into `scratch`, which is reused, so a
    /// caller fingerprinting a million documents allocates once.
    public init(normalizing document: JSONDocument, order: KeyOrder, scratch: inout [UInt8]) {
        if let verbatim = VerbatimCompact.bytes(of: document, order: order) {
            self.init(verbatim)
            return
        }
        if VerbatimCompact.reordered(document, order: order, into: &scratch) {
            self = scratch.withUnsafeBytes(Fingerprint.init)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        // The written form is about as long as the source; one allocation of
        // that size beats doubling copies for a very large document.
        if let root = document.nodes.first, root.end - root.start > scratch.capacity {
            scratch.reserveCapacity(root.end - root.start + (root.end - root.start) / 16)
        }
        _ = TapeWriter.write(document, pretty: false, canonical: false, topLevelOrder: order, into: &scratch)
        self = scratch.withUnsafeBytes(Fingerprint.init)
    }
}
