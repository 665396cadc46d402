extension Fingerprint {
    /// The fingerprint of a document's compact normalized form, exactly as
    /// `JSONWriter.write(_:layout: .compact, topLevelOrder: order, into:)`
    /// would write it. Most machine-written callbacks already are in that
    /// form; their own bytes are fingerprinted in place rather than copied
    /// out first. Others are written into `scratch`, which is reused, so a
    /// caller fingerprinting a million documents allocates once.
    public init(normalizing document: JSONDocument, order: KeyOrder, scratch: inout [UInt8]) {
        switch Self.compactForm(of: document, order: order, scratch: &scratch) {
        case .inPlace(let bytes):
            self.init(bytes)
            return
        case .reordered:
            self = scratch.withUnsafeBytes(Fingerprint.init)
            return
        case .notCompact:
            break
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

    /// Where a compact document's normalized form is found without the writer.
    enum CompactForm {
        /// The document's own bytes are its form.
        case inPlace(UnsafeRawBufferPointer)
        /// Its top-level members only needed reordering; the form is in `scratch`.
        case reordered
        /// Whitespace, an escape or a nested order: the writer must write it.
        case notCompact
    }

    /// The compact normalized form of a document whose bytes have no
    /// whitespace between tokens and no escapes, with an order that has no
    /// nested orders (`VerbatimCompact`'s two cases in one walk): the
    /// bytes themselves when the top-level keys already come in the order's
    /// order, else the members' bytes copied in rank order into `scratch`.
    ///
    /// `VerbatimCompact.bytes` and then `.reordered` each walked the tape and
    /// ranked the keys again, so a document with its keys in another order
    /// paid three walks; here it pays one walk and one ranking (a third of
    /// the DeleteMediaComplete corpus: BENCHMARKS.md, issue 24).
    static func compactForm(of document: JSONDocument, order: KeyOrder, scratch: inout [UInt8]) -> CompactForm {
        document.nodes.withUnsafeBufferPointer { nodes -> CompactForm in
            guard let root = nodes.first, !order.hasNested, Self.isCompact(nodes) else { return .notCompact }
            let source = UnsafeRawBufferPointer(rebasing: document.bytes[root.start..<root.end])
            guard root.kind == .object, root.count > 0, !order.isEmpty else { return .inPlace(source) }
            let count = Int(root.count)
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { buffer -> CompactForm in
                var members = buffer
                // Rank above the key's tape index: an integer sort groups by
                // rank and keeps source order within each group, as the writer orders them.
                var key = 1
                var previous = 0
                var inOrder = true
                for member in 0..<count {
                    let node = nodes[key]
                    // The next rank is the likeliest; the first key is hinted at rank 0.
                    let rank = order.rank(of: UnsafeRawBufferPointer(rebasing: document.bytes[(node.start + 1)..<(node.end - 1)]),
                                          hint: member == 0 ? 0 : previous + 1)
                    if rank < previous { inOrder = false }
                    previous = rank
                    members[member] = UInt64(rank) << 32 | UInt64(key)
                    key = Int(nodes[key + 1].next)
                }
                guard !inOrder else { return .inPlace(source) }
                members.sort()
                // The same bytes in another order: as long as the source, made in one append and then overwritten.
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: source.assumingMemoryBound(to: UInt8.self))
                scratch.withUnsafeMutableBytes { out in
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
                return .reordered
            }
        }
    }

    /// True when no token has escapes and nothing stands between tokens but
    /// single separators: the length the compact form would have (every
    /// token, a colon per member, commas between, the brackets) is the source's.
    @inline(__always)
    private static func isCompact(_ nodes: UnsafeBufferPointer<JSONNode>) -> Bool {
        var compact = 0
        var index = 0
        let count = nodes.count
        while index < count {
            let node = nodes[index]
            if node.hasEscapes { return false }
            switch node.kind {
            case .object: compact &+= node.count > 0 ? 2 &* Int(node.count) &+ 1 : 2
            case .array: compact &+= node.count > 0 ? Int(node.count) &+ 1 : 2
            default: compact &+= node.end &- node.start
            }
            index &+= 1
        }
        return compact == nodes[0].end - nodes[0].start
    }
}
