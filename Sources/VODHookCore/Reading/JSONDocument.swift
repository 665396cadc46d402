/// A parsed value, lossless: every node keeps its byte range in the source.
///
/// A view into the reader's buffer: valid only inside the callback that
/// receives it. Strings are decoded only when asked for.
public struct JSONDocument {
    public let bytes: UnsafeRawBufferPointer
    /// Source offset of `bytes[0]`; node offsets are relative to `bytes`.
    public let baseOffset: Int
    public let nodes: [JSONNode]

    public init(bytes: UnsafeRawBufferPointer, baseOffset: Int, nodes: [JSONNode]) {
        self.bytes = bytes
        self.baseOffset = baseOffset
        self.nodes = nodes
    }

    public var root: Int { 0 }

    public subscript(index: Int) -> JSONNode { nodes[index] }

    /// Source offset of a node's first byte.
    public func sourceOffset(of index: Int) -> Int { baseOffset + nodes[index].start }

    /// The exact source bytes of a node (a string's include its quotes).
    public func rawBytes(of index: Int) -> UnsafeRawBufferPointer {
        let node = nodes[index]
        return UnsafeRawBufferPointer(rebasing: bytes[node.start..<node.end])
    }

    /// The bytes between a string's quotes when it has no escapes, and so
    /// are its decoded text; nil when it has escapes and must be decoded.
    @inline(__always) public func plainString(_ index: Int) -> UnsafeRawBufferPointer? {
        let node = nodes[index]
        guard !node.hasEscapes else { return nil }
        return UnsafeRawBufferPointer(rebasing: bytes[(node.start + 1)..<(node.end - 1)])
    }

    /// Calls `body` with the decoded UTF-8 of a string node, without copying when it has no escapes.
    public func withDecodedString<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let node = nodes[index]
        if !node.hasEscapes {
            return body(UnsafeRawBufferPointer(rebasing: bytes[(node.start + 1)..<(node.end - 1)]))
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(node.end - node.start)
        JSONString.decode(bytes, start: node.start, end: node.end, into: &decoded)
        return decoded.withUnsafeBytes(body)
    }

    public func decodedBytes(_ index: Int) -> [UInt8] {
        withDecodedString(index) { Array($0) }
    }

    public func string(_ index: Int) -> String {
        withDecodedString(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Key and value tape indices of an object's members, in source order.
    public func members(of object: Int) -> Members {
        Members(nodes: nodes, first: object + 1, count: Int(nodes[object].count))
    }

    /// Tape indices of an array's elements.
    public func elements(of array: Int) -> Elements {
        Elements(nodes: nodes, first: array + 1, count: Int(nodes[array].count))
    }

    public struct Members: Sequence, IteratorProtocol {
        let nodes: [JSONNode]
        var upcoming: Int
        var remaining: Int
        init(nodes: [JSONNode], first: Int, count: Int) {
            self.nodes = nodes
            self.upcoming = first
            self.remaining = count
        }
        public mutating func next() -> (key: Int, value: Int)? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            let key = upcoming
            upcoming = Int(nodes[key + 1].next)
            return (key, key + 1)
        }
    }

    public struct Elements: Sequence, IteratorProtocol {
        let nodes: [JSONNode]
        var upcoming: Int
        var remaining: Int
        init(nodes: [JSONNode], first: Int, count: Int) {
            self.nodes = nodes
            self.upcoming = first
            self.remaining = count
        }
        public mutating func next() -> Int? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            let element = upcoming
            upcoming = Int(nodes[element].next)
            return element
        }
    }

    /// The RFC 6901 pointer of a node.
    public func pointer(to target: Int, prefix: String = "") -> String {
        pointers(to: [target], prefix: prefix)[0]
    }

    /// The pointers of several nodes, in the order given, found in one walk
    /// down and along the tape: a million findings in one object cost one
    /// pass over its members, not one pass each. Only diagnostics need
    /// pointers, so they are computed on demand.
    public func pointers(to targets: [Int], prefix: String = "") -> [String] {
        if zip(targets, targets.dropFirst()).allSatisfy({ $0 <= $1 }) { return pointers(inTapeOrder: targets, prefix: prefix) }
        let order = targets.indices.sorted { targets[$0] < targets[$1] }
        let sorted = pointers(inTapeOrder: order.map { targets[$0] }, prefix: prefix)
        var result = [String](repeating: "", count: targets.count)
        for (position, index) in order.enumerated() { result[index] = sorted[position] }
        return result
    }

    private func pointers(inTapeOrder targets: [Int], prefix: String) -> [String] {
        // A container on the way to the targets, and how far along its
        // members (key indices) or elements the walk has come.
        struct Level {
            let container: Int
            let pointer: String
            var child: Int
            var ordinal = 0
        }
        var path = [Level(container: root, pointer: prefix, child: root + 1)]
        var result: [String] = []
        result.reserveCapacity(targets.count)
        for target in targets {
            if target == root {
                result.append(prefix)
                continue
            }
            while target >= Int(nodes[path[path.count - 1].container].next) { path.removeLast() }
            while true {
                let top = path.count - 1
                let isObject = nodes[path[top].container].kind == .object
                // An object's child is its member's key; the value follows it.
                while true {
                    let end = Int(nodes[isObject ? path[top].child + 1 : path[top].child].next)
                    if target < end { break }
                    path[top].child = end
                    path[top].ordinal += 1
                }
                let child = path[top].child
                let pointer = isObject
                    ? JSONPointer.appending(string(child), to: path[top].pointer)
                    : JSONPointer.appending(path[top].ordinal, to: path[top].pointer)
                let value = isObject ? child + 1 : child
                if target == child || target == value {
                    result.append(pointer)
                    break
                }
                path.append(Level(container: value, pointer: pointer, child: value + 1))
            }
        }
        return result
    }
}
