extension JSONDocument {
    /// RFC 6901 pointers of many nodes, found in one pass over the tape, in
    /// the order of `targets`. `pointer(to:)` walks the members before the
    /// target at every level, so a million findings in one object cost a
    /// million walks: hours, for a million duplicate keys (found by the
    /// stress run). Here each node is visited once.
    public func pointers(to targets: [Int], prefix: String = "") -> [String] {
        guard let last = targets.max() else { return [] }
        let order = targets.indices.sorted { targets[$0] < targets[$1] }
        var result = [String](repeating: prefix, count: targets.count)
        var cursor = 0
        while cursor < order.count && targets[order[cursor]] == root { cursor += 1 }
        var levels: [PointerLevel] = []
        if nodes[root].count > 0, nodes[root].kind == .object || nodes[root].kind == .array {
            levels.append(PointerLevel(container: root, end: Int(nodes[root].next), isObject: nodes[root].kind == .object, token: nil))
        }
        var index = root + 1
        while index <= last && !levels.isEmpty {
            while let top = levels.last, index >= top.end { levels.removeLast() }
            let parent = levels.count - 1
            // Every node is a direct child of the innermost open container:
            // containers with children are opened as they are met.
            let token: PointerLevel.Token
            if levels[parent].isObject {
                if levels[parent].atKey { levels[parent].key = index }
                token = .key(levels[parent].key)
                levels[parent].atKey.toggle()
            } else {
                token = .element(levels[parent].element)
                levels[parent].element += 1
            }
            if cursor < order.count && targets[order[cursor]] == index {
                let pointer = path(of: parent, in: &levels, prefix: prefix) + "/" + text(of: token)
                while cursor < order.count && targets[order[cursor]] == index {
                    result[order[cursor]] = pointer
                    cursor += 1
                }
            }
            let node = nodes[index]
            if node.count > 0, node.kind == .object || node.kind == .array {
                levels.append(PointerLevel(container: index, end: Int(node.next), isObject: node.kind == .object, token: token))
            }
            index += 1
        }
        return result
    }

    /// The pointer of an open container, built when first asked for.
    private func path(of level: Int, in levels: inout [PointerLevel], prefix: String) -> String {
        if let path = levels[level].path { return path }
        guard level > 0, let token = levels[level].token else { return prefix }
        let path = path(of: level - 1, in: &levels, prefix: prefix) + "/" + text(of: token)
        levels[level].path = path
        return path
    }

    private func text(of token: PointerLevel.Token) -> String {
        switch token {
        case .key(let key): JSONPointer.escape(string(key))
        case .element(let element): String(element)
        }
    }
}

/// An open container during `pointers(to:)`: what names its next child.
struct PointerLevel {
    enum Token {
        case key(Int)
        case element(Int)
    }

    var container: Int
    var end: Int
    var isObject: Bool
    /// How the container itself is named in its parent; nil for the root.
    var token: Token?
    var atKey = true
    var key = 0
    var element = 0
    var path: String?

    init(container: Int, end: Int, isObject: Bool, token: Token?) {
        self.container = container
        self.end = end
        self.isObject = isObject
        self.token = token
    }
}
