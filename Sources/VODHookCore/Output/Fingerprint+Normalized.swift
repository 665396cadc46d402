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
        /// Whitespace, an escape, or (under an order with nested orders) an
        /// object out of its order: the writer must write it.
        case notCompact
    }

    /// The compact normalized form of a document whose bytes have no
    /// whitespace between tokens and no escapes (`VerbatimCompact`'s two
    /// cases in one walk): the bytes themselves when the keys already come
    /// in the order's order, else, for an order without nested orders, the
    /// top-level members' bytes copied in rank order into `scratch`.
    ///
    /// `VerbatimCompact.bytes` and then `.reordered` each walked the tape and
    /// ranked the keys again, so a document with its keys in another order
    /// paid three walks; here it pays one walk and one ranking (a third of
    /// the DeleteMediaComplete corpus: BENCHMARKS.md, issue 24).
    static func compactForm(of document: JSONDocument, order: KeyOrder, scratch: inout [UInt8]) -> CompactForm {
        document.nodes.withUnsafeBufferPointer { nodes -> CompactForm in
            guard let root = nodes.first else { return .notCompact }
            guard !order.hasNested else { return Self.nestedCompactForm(nodes, document, order: order) }
            guard Self.isCompact(nodes) else { return .notCompact }
            let source = UnsafeRawBufferPointer(rebasing: document.bytes[root.start..<root.end])
            guard root.kind == .object, root.count > 0, !order.isEmpty else { return .inPlace(source) }
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Int(root.count)) { buffer -> CompactForm in
                var members = buffer
                guard !VerbatimCompact.rankMembers(nodes, document, order: order, into: members) else { return .inPlace(source) }
                members.sort()
                scratch.removeAll(keepingCapacity: true)
                VerbatimCompact.appendMembers(members, nodes, document, into: &scratch)
                return .reordered
            }
        }
    }

    /// `compactForm` for an order with nested orders: the bytes in place
    /// when every object is in its order, else the writer's. Out of line,
    /// so the flat documents' walk stays as tight as before.
    @inline(never)
    private static func nestedCompactForm(_ nodes: UnsafeBufferPointer<JSONNode>, _ document: JSONDocument, order: KeyOrder) -> CompactForm {
        guard Self.isCompact(nodes) else { return .notCompact }
        let root = nodes[0]
        // Only a root object is ordered; the writer must move members when some object is out of its order.
        guard root.kind != .object || Self.keysInOrder(nodes, document.bytes, value: 0, order: -1, of: order, depth: 0) else {
            return .notCompact
        }
        return .inPlace(UnsafeRawBufferPointer(rebasing: document.bytes[root.start..<root.end]))
    }

    /// The writer's name for "no key order here".
    private static let noOrder: Int32 = -2

    /// True when every object at or under `value` already lists its keys
    /// in the order `TapeWriter` gives it (`order`: -1 the root order `root`,
    /// k its `nested[k]`): an object member's value takes the order its
    /// key's rank names, an array's elements their array's. Then a compact
    /// document with nested orders (TranscodeComplete's StreamInfos,
    /// SnapshotComplete's SnapshotInfos) is its own normalized form, and the
    /// full writer, about 11,000 instructions for one of them, is not needed.
    /// Past 64 levels the writer decides.
    private static func keysInOrder(
        _ nodes: UnsafeBufferPointer<JSONNode>, _ bytes: UnsafeRawBufferPointer, value: Int, order: Int32, of root: KeyOrder, depth: Int
    ) -> Bool {
        // Everything under an object without an order keeps source order.
        guard order != noOrder else { return true }
        let node = nodes[value]
        switch node.kind {
        case .array:
            guard depth < 64 else { return false }
            var element = value + 1
            for _ in 0..<Int(node.count) {
                // Only a container can hold an object; a scalar is not worth the call.
                if nodes[element].kind == .object || nodes[element].kind == .array {
                    guard keysInOrder(nodes, bytes, value: element, order: order, of: root, depth: depth + 1) else { return false }
                }
                element = Int(nodes[element].next)
            }
            return true
        case .object:
            guard depth < 64 else { return false }
            let keyOrder = root.order(order)
            let children = keyOrder.childOrders
            var key = value + 1
            var previous = 0
            for member in 0..<Int(node.count) {
                let keyNode = nodes[key]
                let rank = keyOrder.rank(of: UnsafeRawBufferPointer(rebasing: bytes[(keyNode.start + 1)..<(keyNode.end - 1)]),
                                         hint: member == 0 ? 0 : previous + 1)
                guard rank >= previous else { return false }
                previous = rank
                let child = rank < children.count && children[rank] >= 0 ? children[rank] : noOrder
                let valueKind = nodes[key + 1].kind
                if child != noOrder && (valueKind == .object || valueKind == .array) {
                    guard keysInOrder(nodes, bytes, value: key + 1, order: child, of: root, depth: depth + 1) else { return false }
                }
                key = Int(nodes[key + 1].next)
            }
            return true
        default:
            return true
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
