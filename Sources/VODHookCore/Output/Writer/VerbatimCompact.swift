/// When a document's own bytes already are its compact normalized form, so
/// writing it is one copy: no whitespace between tokens, no string with
/// escapes (a plain string is its own minimal form), and top-level keys
/// already in the wanted order. Most machine-written callbacks are.
enum VerbatimCompact {
    /// The document's bytes when they are exactly what the writer would
    /// produce in the compact layout with `order`; nil otherwise.
    static func bytes(of document: JSONDocument, order: KeyOrder) -> UnsafeRawBufferPointer? {
        document.nodes.withUnsafeBufferPointer { nodes -> UnsafeRawBufferPointer? in
            // Nested orders are the full writer's.
            guard let root = nodes.first, !order.hasNested, isCompact(nodes) else { return nil }
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

    /// Writes the compact form of a compact document whose top-level
    /// members only need reordering (callbacks from a sender with its own
    /// key order), into `output` in place of what it held: the members'
    /// own bytes copied in rank order, without the full writer's walk of
    /// every token. False, with `output` untouched, for any other document.
    static func reordered(_ document: JSONDocument, order: KeyOrder, into output: inout [UInt8]) -> Bool {
        document.nodes.withUnsafeBufferPointer { nodes -> Bool in
            guard let root = nodes.first, root.kind == .object, root.count > 0, !order.hasNested, isCompact(nodes) else { return false }
            let count = Int(root.count)
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { buffer in
                var members = buffer
                // Rank above the key's tape index: an integer sort groups by rank
                // and keeps source order within each group, as the writer orders them.
                var key = 1
                var previous = 0
                for member in 0..<count {
                    let node = nodes[key]
                    let rank = order.rank(
                        of: UnsafeRawBufferPointer(rebasing: document.bytes[(node.start + 1)..<(node.end - 1)]),
                        hint: member == 0 ? 0 : previous + 1)
                    previous = rank
                    members[member] = UInt64(rank) << 32 | UInt64(key)
                    key = Int(nodes[key + 1].next)
                }
                members.sort()
                // The same bytes in another order: as long as the source, made
                // in one append and then overwritten.
                let source = UnsafeRawBufferPointer(rebasing: document.bytes[root.start..<root.end])
                output.removeAll(keepingCapacity: true)
                output.append(contentsOf: source.assumingMemoryBound(to: UInt8.self))
                output.withUnsafeMutableBytes { out in
                    var end = 1  // after the "{" the source begins with too
                    for (index, member) in members.enumerated() {
                        if index > 0 {
                            out[end] = UInt8(ascii: ",")
                            end += 1
                        }
                        let key = Int(truncatingIfNeeded: member & 0xFFFF_FFFF)
                        // Key, colon and value, with nothing between them in a compact document.
                        let start = nodes[key].start
                        let length = nodes[key + 1].end - start
                        UnsafeMutableRawBufferPointer(rebasing: out[end..<end + length])
                            .copyMemory(from: UnsafeRawBufferPointer(rebasing: document.bytes[start..<start + length]))
                        end += length
                    }
                    out[end] = UInt8(ascii: "}")
                }
                return true
            }
        }
    }

    /// True when no token has escapes and nothing stands between tokens but
    /// single separators: the length the compact form would have (every
    /// token, a colon per member, commas between, the brackets) is the source's.
    private static func isCompact(_ nodes: UnsafeBufferPointer<JSONNode>) -> Bool {
        guard let root = nodes.first else { return false }
        var compact = 0
        for node in nodes {
            guard !node.hasEscapes else { return false }
            switch node.kind {
            case .object: compact += node.count > 0 ? 2 * Int(node.count) + 1 : 2
            case .array: compact += node.count > 0 ? Int(node.count) + 1 : 2
            default: compact += node.end - node.start
            }
        }
        return compact == root.end - root.start
    }
}
