/// The one traversal behind every layout. It walks the tape in document
/// order with an explicit stack of open containers, so nesting costs a few
/// bytes of scratch rather than a call frame per level. Its scratch lives in
/// temporary allocations, on the stack for small documents; only escaped
/// keys that must be ordered are decoded into a heap buffer.
struct TapeWriter {
    /// An open container that still has children to write.
    struct Frame {
        var container: Int32
        /// Next child: a tape index, or a slot in `memberOrder` when `reordered`.
        var cursor: Int32
        /// Where the children end, in the same terms as `cursor`.
        var end: Int32
        var isObject: Bool
        var reordered: Bool
        /// The key order of this object, or of this array's objects: -1 the
        /// top-level order, k its `nested[k]`, `noOrder` none.
        var order: Int32 = noOrder
    }

    static let noOrder: Int32 = -2
    /// The order of the value `enterChild` returned last.
    var childOrder: Int32 = noOrder

    let bytes: UnsafeRawBufferPointer
    let nodes: UnsafeBufferPointer<JSONNode>
    let pretty: Bool
    let canonical: Bool
    let topLevelOrder: KeyOrder
    /// Whether the writer may copy what is already in its output form
    /// (whole members, integers, plain keys sorted by prefix) instead of
    /// taking the general path; tests turn this off to compare the two.
    let takesShortcuts: Bool
    let frames: UnsafeMutableBufferPointer<Frame>
    /// Key tape indices of the objects written out of source order, one run
    /// per open object, pushed and popped with them. The low 32 bits hold the
    /// key; the high 32 bits are a sort prefix used only while ordering.
    let memberOrder: UnsafeMutableBufferPointer<UInt64>
    var memberOrderCount = 0
    /// Per-object scratch for sorting keys in canonical output.
    let sortKeys: UnsafeMutableBufferPointer<SortKey>
    /// Decoded text of escaped keys being ordered; empty, and so never
    /// allocated, when no key has escapes.
    var scratch: [UInt8] = []
    /// Bytes not yet moved to `output`; see `put`.
    let stage: UnsafeMutableRawBufferPointer
    var staged = 0
    /// The caller's buffer, moved in for the duration of the write.
    var output: [UInt8] = []
    /// What canonical output did to numbers; plain values, so documents
    /// whose numbers all keep their value pay for nothing more.
    var numbers = CanonicalNumberNotes()

    /// Small enough for a temporary allocation to stay on the stack (above
    /// 1 KiB it goes to the heap, once per document).
    private static let stageSize = 1024

    /// Appends the document to `output`; false only when canonical output
    /// meets a number it cannot represent, in which case `output` is left as it was.
    static func write(
        _ document: JSONDocument, pretty: Bool, canonical: Bool, topLevelOrder: KeyOrder,
        into output: inout [UInt8]
    ) -> Bool {
        var ignored = CanonicalNumberNotes()
        return write(document, pretty: pretty, canonical: canonical, topLevelOrder: topLevelOrder, into: &output, numbers: &ignored)
    }

    /// Same, also noting whether canonical output wrote a number with
    /// another value, and which number it could not write.
    static func write(
        _ document: JSONDocument, pretty: Bool, canonical: Bool, topLevelOrder: KeyOrder,
        into output: inout [UInt8], numbers: inout CanonicalNumberNotes, takesShortcuts: Bool = true
    ) -> Bool {
        document.nodes.withUnsafeBufferPointer { nodes in
            guard let root = nodes.first else { return true }
            // The parser caps nesting, and a container holds at least one node.
            let depthLimit = min(nodes.count, JSONParser.maxDepth)
            // Keys are at most half the tape; only the root is reordered otherwise.
            let reorderedKeys = canonical || topLevelOrder.hasNested
                ? nodes.count / 2
                : (root.kind == .object && !topLevelOrder.isEmpty ? Int(root.count) : 0)
            return withUnsafeTemporaryAllocation(of: Frame.self, capacity: depthLimit) { frames in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: reorderedKeys) { memberOrder in
                    withUnsafeTemporaryAllocation(of: SortKey.self, capacity: canonical ? reorderedKeys : 0) { sortKeys in
                        withUnsafeTemporaryAllocation(byteCount: stageSize, alignment: 1) { stage in
                            var writer = TapeWriter(
                                bytes: document.bytes, nodes: nodes, pretty: pretty, canonical: canonical,
                                topLevelOrder: topLevelOrder, takesShortcuts: takesShortcuts, frames: frames, memberOrder: memberOrder,
                                sortKeys: sortKeys, stage: stage)
                            let start = output.count
                            // Swapping moves the buffer without copying it.
                            swap(&writer.output, &output)
                            let written = writer.writeRoot()
                            writer.flush()
                            swap(&writer.output, &output)
                            if !written { output.removeSubrange(start...) }
                            numbers = writer.numbers
                            return written
                        }
                    }
                }
            }
        }
    }

    private mutating func writeRoot() -> Bool {
        var depth = 0
        var index = 0
        childOrder = topLevelOrder.isEmpty || nodes[0].kind != .object ? Self.noOrder : -1
        descend: while true {
            // A negative index: enterChild wrote the whole member already.
            if index >= 0 {
                let node = nodes[index]
                switch node.kind {
                case .object, .array:
                    let isObject = node.kind == .object
                    guard node.count > 0 else {
                        put(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
                        put(isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                        break
                    }
                    precondition(depth < frames.count, "the document nests deeper than JSONParser.maxDepth")
                    put(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
                    frames[depth] = isObject
                        ? objectFrame(index, order: childOrder)
                        : Frame(container: Int32(index), cursor: Int32(index + 1), end: node.next, isObject: false, reordered: false, order: childOrder)
                    depth += 1
                    index = enterChild(of: &frames[depth - 1], depth: depth)
                    continue descend
                case .string:
                    writeString(node)
                case .number:
                    let literal = UnsafeRawBufferPointer(rebasing: bytes[node.start..<node.end])
                    if !canonical || (takesShortcuts && CanonicalNumber.isOwnCanonicalForm(literal)) {
                        put(literal)
                    } else if takesShortcuts, let length = PlainDecimal.canonicalPrefix(of: literal) {
                        // A decimal whose canonical form is a prefix of its spelling, or "0".
                        if length == 0 {
                            put(UInt8(ascii: "0"))
                        } else {
                            put(UnsafeRawBufferPointer(rebasing: literal[0..<length]))
                        }
                    } else {
                        flush()
                        switch CanonicalNumber.write(literal, to: &output, takesShortcuts: takesShortcuts) {
                        case .sameValue: break
                        case .changed: numbers.someChanged = true
                        case .unwritable:
                            numbers.unwritable = index
                            return false
                        }
                    }
                case .true, .false, .null:
                    put(UnsafeRawBufferPointer(rebasing: bytes[node.start..<node.end]))
                }
            }
            // A value is complete: go on to its next sibling, closing every
            // container it was the last child of.
            while depth > 0 {
                if frames[depth - 1].cursor < frames[depth - 1].end {
                    put(UInt8(ascii: ","))
                    index = enterChild(of: &frames[depth - 1], depth: depth)
                    continue descend
                }
                depth -= 1
                let frame = frames[depth]
                if frame.reordered { memberOrderCount -= Int(nodes[Int(frame.container)].count) }
                if pretty { putNewline(depth: depth) }
                put(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
            }
            return true
        }
    }

    /// Writes what precedes the frame's next child (line break, and for an
    /// object the key) and returns the tape index of the child's value, or
    /// -1 when it wrote the whole member (see `verbatimMember`).
    @inline(__always)
    private mutating func enterChild(of frame: inout Frame, depth: Int) -> Int {
        if pretty { putNewline(depth: depth) }
        let child: Int
        // An array's elements share its order; a member's comes from its key's rank.
        childOrder = frame.isObject ? Self.noOrder : frame.order
        if frame.reordered {
            let entry = memberOrder[Int(frame.cursor)]
            child = Int(UInt32(truncatingIfNeeded: entry))
            frame.cursor += 1
            if frame.order != Self.noOrder && !canonical {
                let children = topLevelOrder.order(frame.order).childOrders
                let rank = Int(entry >> 32)
                if rank < children.count && children[rank] >= 0 { childOrder = children[rank] }
            }
        } else {
            child = Int(frame.cursor)
            // A key is a single node, so a member ends where its value's subtree does.
            frame.cursor = nodes[frame.isObject ? child + 1 : child].next
        }
        guard frame.isObject else { return child }
        if takesShortcuts && !pretty, let member = verbatimMember(key: child) {
            put(member)
            return -1
        }
        writeString(nodes[child])
        put(UInt8(ascii: ":"))
        if pretty { put(UInt8(ascii: " ")) }
        return child + 1
    }

    /// The source bytes of the member whose key is at `key` when they are
    /// already its compact output: a plain key, the colon right after it,
    /// and a scalar value written as it stands. One copy then replaces a
    /// key, a colon and a value put one by one and the dispatch on the
    /// value's kind, which most members of a callback need.
    @inline(__always)
    private func verbatimMember(key: Int) -> UnsafeRawBufferPointer? {
        let keyNode = nodes[key], value = nodes[key + 1]
        // One byte between key and value can only be the colon.
        guard !keyNode.hasEscapes, value.start == keyNode.end + 1 else { return nil }
        switch value.kind {
        case .string:
            guard !value.hasEscapes else { return nil }
        case .true, .false, .null:
            break
        case .number:
            guard !canonical || CanonicalNumber.isOwnCanonicalForm(UnsafeRawBufferPointer(rebasing: bytes[value.start..<value.end])) else { return nil }
        case .object, .array:
            return nil
        }
        return UnsafeRawBufferPointer(rebasing: bytes[keyNode.start..<value.end])
    }

    /// An object's frame, with its members placed in `memberOrder` when the
    /// output wants them out of source order.
    private mutating func objectFrame(_ index: Int, order: Int32) -> Frame {
        let node = nodes[index]
        let reordered: Bool
        if canonical {
            pushSortedMembers(of: index)
            reordered = true
        } else if order != Self.noOrder {
            reordered = pushRankedMembers(of: index, order: order)
        } else {
            reordered = false
        }
        guard reordered else {
            return Frame(container: Int32(index), cursor: Int32(index + 1), end: node.next, isObject: true, reordered: false, order: order)
        }
        return Frame(
            container: Int32(index), cursor: Int32(memberOrderCount) - node.count, end: Int32(memberOrderCount),
            isObject: true, reordered: true, order: order)
    }
}
