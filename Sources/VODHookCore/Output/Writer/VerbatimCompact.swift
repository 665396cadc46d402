/// When a document's own bytes already are its compact normalized form, so
/// writing it is one copy: no whitespace between tokens, no string with
/// escapes (a plain string is its own minimal form), and keys already in
/// the wanted order wherever the order reaches (nested field tables too).
/// Most machine-written callbacks are.
enum VerbatimCompact {
    /// The document's bytes when they are exactly what the writer would
    /// produce in the compact layout with `order`; nil otherwise.
    static func bytes(of document: JSONDocument, order: KeyOrder) -> UnsafeRawBufferPointer? {
        document.nodes.withUnsafeBufferPointer { nodes -> UnsafeRawBufferPointer? in
            guard let root = nodes.first, isCompact(nodes) else { return nil }
            // Only a top-level object is ordered (not a top-level array's elements).
            guard root.kind == .object && !order.isEmpty else {
                return UnsafeRawBufferPointer(rebasing: document.bytes[root.start..<root.end])
            }
            if order.hasNested {
                guard membersInOrder(of: 0, order: -1, in: order, nodes: nodes, bytes: document.bytes) else { return nil }
                return UnsafeRawBufferPointer(rebasing: document.bytes[root.start..<root.end])
            }
            // One level only: the same check in line, which the common flat
            // callback takes (the recursive one cost it 150 instructions more).
            var previous = 0
            var key = 1
            for member in 0..<Int(root.count) {
                let node = nodes[key]
                let rank = order.rank(
                    of: UnsafeRawBufferPointer(rebasing: document.bytes[(node.start + 1)..<(node.end - 1)]),
                    hint: member == 0 ? 0 : previous + 1)
                guard rank >= previous else { return nil }
                previous = rank
                key = Int(nodes[key + 1].next)
            }
            return UnsafeRawBufferPointer(rebasing: document.bytes[root.start..<root.end])
        }
    }

    /// Whether the writer would keep every member of the container at
    /// `index`, and of the containers under it, in source order: the keys
    /// of each object an order applies to come in rank order (the writer's
    /// sort is stable). Orders pass to a member's value by its key's rank
    /// and from an array to its elements, as `TapeWriter.enterChild` passes
    /// them; containers without an order keep theirs and are not visited,
    /// so the recursion is only as deep as the field tables nest.
    private static func membersInOrder(
        of index: Int, order id: Int32, in tree: KeyOrder, nodes: UnsafeBufferPointer<JSONNode>, bytes: UnsafeRawBufferPointer
    ) -> Bool {
        let container = nodes[index]
        if container.kind == .array {
            var element = index + 1
            for _ in 0..<Int(container.count) {
                let kind = nodes[element].kind
                if kind == .object || kind == .array {
                    guard membersInOrder(of: element, order: id, in: tree, nodes: nodes, bytes: bytes) else { return false }
                }
                element = Int(nodes[element].next)
            }
            return true
        }
        let keyOrder = tree.order(id)
        guard !keyOrder.isEmpty else { return true }
        let children = keyOrder.hasChildOrders ? keyOrder.childOrders : []
        var previous = 0
        var key = index + 1
        for member in 0..<Int(container.count) {
            let node = nodes[key]
            // The hint is where the key would be if every listed key came in
            // order: rank 0 for the first key (not 1), the next rank after.
            let rank = keyOrder.rank(
                of: UnsafeRawBufferPointer(rebasing: bytes[(node.start + 1)..<(node.end - 1)]),
                hint: member == 0 ? 0 : previous + 1)
            guard rank >= previous else { return false }
            previous = rank
            let value = nodes[key + 1]
            if rank < children.count && children[rank] >= 0 && (value.kind == .object || value.kind == .array) {
                guard membersInOrder(of: key + 1, order: children[rank], in: tree, nodes: nodes, bytes: bytes) else { return false }
            }
            key = Int(value.next)
        }
        return true
    }

    /// Appends the compact form of a compact document whose top-level
    /// members only need reordering (callbacks from a sender with its own
    /// key order): the members' own bytes copied in rank order, without the
    /// full writer's walk of every token. `normalize`'s path for a fifth of
    /// the DeleteMediaComplete corpus, which the full writer took about 3,000
    /// instructions each to write. False, with `output` untouched, for any
    /// other document.
    static func appendReordered(_ document: JSONDocument, order: KeyOrder, into output: inout [UInt8]) -> Bool {
        document.nodes.withUnsafeBufferPointer { nodes -> Bool in
            guard let root = nodes.first, root.kind == .object, root.count > 0, !order.hasNested, isCompact(nodes) else { return false }
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Int(root.count)) { buffer in
                var members = buffer
                _ = rankMembers(nodes, document, order: order, into: members)
                members.sort()
                appendMembers(members, nodes, document, into: &output)
                return true
            }
        }
    }

    /// Ranks the root object's members by `order` into `members` (one a
    /// member, in source order): the rank above the key's tape index, so that
    /// an integer sort groups by rank and keeps source order within each
    /// group, as the writer orders them. True when they already come in order.
    @inline(__always)
    static func rankMembers(
        _ nodes: UnsafeBufferPointer<JSONNode>, _ document: JSONDocument, order: KeyOrder, into members: UnsafeMutableBufferPointer<UInt64>
    ) -> Bool {
        var key = 1
        var previous = 0
        var inOrder = true
        for member in 0..<members.count {
            let node = nodes[key]
            // The next rank is the likeliest; the first key is hinted at rank 0.
            let rank = order.rank(of: UnsafeRawBufferPointer(rebasing: document.bytes[(node.start + 1)..<(node.end - 1)]),
                                  hint: member == 0 ? 0 : previous + 1)
            if rank < previous { inOrder = false }
            previous = rank
            members[member] = UInt64(rank) << 32 | UInt64(key)
            key = Int(nodes[key + 1].next)
        }
        return inOrder
    }

    /// Appends the compact root object with its members in the order of
    /// `members` (as `rankMembers` made them, sorted): as long as the source,
    /// made in one append and then overwritten.
    @inline(__always)
    static func appendMembers(
        _ members: UnsafeMutableBufferPointer<UInt64>, _ nodes: UnsafeBufferPointer<JSONNode>, _ document: JSONDocument, into output: inout [UInt8]
    ) {
        let root = nodes[0]
        let base = output.count
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: document.bytes[root.start..<root.end]).assumingMemoryBound(to: UInt8.self))
        output.withUnsafeMutableBytes { out in
            var end = base + 1  // after the "{" the source begins with too
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
