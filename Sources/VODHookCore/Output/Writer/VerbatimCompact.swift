/// When a document's own bytes already are its compact normalized form, so
/// writing it is one copy: no whitespace between tokens, no string with
/// escapes (a plain string is its own minimal form), and top-level keys
/// already in the wanted order. Most machine-written callbacks are.
enum VerbatimCompact {
    /// The document's bytes when they are exactly what the writer would
    /// produce in the compact layout with `order`; nil otherwise.
    static func bytes(of document: JSONDocument, order: KeyOrder) -> UnsafeRawBufferPointer? {
        document.nodes.withUnsafeBufferPointer { nodes -> UnsafeRawBufferPointer? in
            guard let root = nodes.first else { return nil }
            // The length the compact form would have: every token, plus a
            // colon per member, commas between, and the brackets.
            var compact = 0
            for node in nodes {
                guard !node.hasEscapes else { return nil }
                switch node.kind {
                case .object: compact += node.count > 0 ? 2 * Int(node.count) + 1 : 2
                case .array: compact += node.count > 0 ? Int(node.count) + 1 : 2
                default: compact += node.end - node.start
                }
            }
            guard compact == root.end - root.start else { return nil }
            if root.kind == .object && !order.isEmpty {
                var previous = 0
                var key = 1
                for _ in 0..<Int(root.count) {
                    let node = nodes[key]
                    // The hint is where the key would be if every listed key came in
                    // order: rank 0 for the first key (not 1), the next rank after.
                    let hint = key == 1 ? 0 : previous + 1
                    let rank = order.rank(of: UnsafeRawBufferPointer(rebasing: document.bytes[(node.start + 1)..<(node.end - 1)]), hint: hint)
                    guard rank >= previous else { return nil }
                    previous = rank
                    key = Int(nodes[key + 1].next)
                }
            }
            return UnsafeRawBufferPointer(rebasing: document.bytes[root.start..<root.end])
        }
    }
}
