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

    /// The RFC 6901 pointer of a node, found by descending from the root.
    /// Only diagnostics need it, so it is computed on demand.
    public func pointer(to target: Int, prefix: String = "") -> String {
        var pointer = prefix
        var current = root
        while current != target {
            let node = nodes[current]
            if node.kind == .object {
                for (key, value) in members(of: current) where target >= key && target < Int(nodes[value].next) {
                    pointer = JSONPointer.appending(string(key), to: pointer)
                    current = target == key ? target : value
                    break
                }
            } else {
                var index = 0
                for element in elements(of: current) {
                    if target >= element && target < Int(nodes[element].next) {
                        pointer = JSONPointer.appending(index, to: pointer)
                        current = element
                        break
                    }
                    index += 1
                }
            }
        }
        return pointer
    }
}
