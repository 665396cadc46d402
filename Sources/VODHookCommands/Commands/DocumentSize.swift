import VODHookCore

/// Room for a document's normalized form, made before writing it.
enum DocumentSize {
    /// The normalized form is about as long as the source (escapes only get
    /// shorter, whitespace goes; canonical numbers may grow a little), so one
    /// allocation of that size replaces the doubling copies that made a
    /// 100 MB document cost three times its size (found by the stress run).
    static func reserve(for document: JSONDocument, in buffer: inout [UInt8]) {
        guard let root = document.nodes.first else { return }
        let size = root.end - root.start
        // Small documents share the buffer's usual growth.
        guard size > 1 << 16, buffer.capacity - buffer.count < size else { return }
        buffer.reserveCapacity(buffer.count + size + size / 16)
    }
}
