/// The parser's working tape and container stack: plain memory owned by a
/// `ParserScratch` and kept across documents, appended to without the
/// uniqueness and capacity checks an array makes on every node.
struct TapeBuilder {
    /// Unowned: a builder lives only inside `JSONParser.parseValue`, whose
    /// parser holds the scratch for the whole call; a strong reference cost
    /// a retain and a release a document.
    private unowned(unsafe) let scratch: ParserScratch
    private(set) var count = 0
    private(set) var openCount = 0

    init(_ scratch: ParserScratch) { self.scratch = scratch }

    @inline(__always) subscript(index: Int) -> JSONNode {
        get { scratch.nodes[index] }
        nonmutating _modify { yield &scratch.nodes[index] }
    }

    @inline(__always) mutating func append(_ node: JSONNode) {
        if count == scratch.nodeCapacity { scratch.growNodes() }
        (scratch.nodes + count).initialize(to: node)
        count += 1
    }

    /// Opens the container whose node is at `index`.
    @inline(__always) mutating func open(_ index: Int) {
        if openCount == scratch.stackCapacity { scratch.growStack() }
        scratch.stack[openCount] = Int32(index)
        openCount += 1
    }

    /// The innermost open container's tape index.
    @inline(__always) var top: Int? { openCount > 0 ? Int(scratch.stack[openCount - 1]) : nil }

    @inline(__always) mutating func close() -> Int {
        openCount -= 1
        return Int(scratch.stack[openCount])
    }

    /// The nodes written so far.
    var nodes: UnsafeBufferPointer<JSONNode> { UnsafeBufferPointer(start: scratch.nodes, count: count) }
}

/// Memory for `TapeBuilder`, grown by doubling and never shrunk, so a
/// stream of similar documents allocates only for the first.
final class ParserScratch {
    private(set) var nodes: UnsafeMutablePointer<JSONNode>
    private(set) var nodeCapacity = 64
    private(set) var stack: UnsafeMutablePointer<Int32>
    private(set) var stackCapacity = 16

    init() {
        nodes = .allocate(capacity: nodeCapacity)
        stack = .allocate(capacity: stackCapacity)
    }

    deinit {
        nodes.deallocate()
        stack.deallocate()
    }

    func growNodes() {
        let larger = UnsafeMutablePointer<JSONNode>.allocate(capacity: nodeCapacity * 2)
        larger.moveInitialize(from: nodes, count: nodeCapacity)
        nodes.deallocate()
        nodes = larger
        nodeCapacity *= 2
    }

    func growStack() {
        let larger = UnsafeMutablePointer<Int32>.allocate(capacity: stackCapacity * 2)
        larger.moveInitialize(from: stack, count: stackCapacity)
        stack.deallocate()
        stack = larger
        stackCapacity *= 2
    }
}
