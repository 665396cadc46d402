/// RFC 8785 output of a flat object, the shape of most callbacks: every
/// member a plain key and a scalar already in its canonical spelling, with
/// nothing between the tokens but single separators. Its canonical form
/// is its own members in key order, so it is made by copying each member's
/// bytes once, without the writer's walk of frames, keys and values (about
/// 1,500 instructions a DeleteMediaComplete callback less; see BENCHMARKS.md).
enum FlatCanonical {
    /// Appends the canonical form and returns true; returns false, leaving
    /// `output` as it was, for any document that is not such an object.
    static func write(_ document: JSONDocument, into output: inout [UInt8]) -> Bool {
        document.nodes.withUnsafeBufferPointer { nodes -> Bool in
            guard let root = nodes.first, root.kind == .object, root.count > 0,
                  Int(root.count) <= PlainKeyOrder.memberLimit, nodes.count == 1 + 2 * Int(root.count)
            else { return false }
            let bytes = document.bytes
            let count = Int(root.count)
            return withUnsafeTemporaryAllocation(of: Int32.self, capacity: count) { keys in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { words in
                    // Each member must start where the separator after the one before ends.
                    var expected = root.start + 1
                    for slot in 0..<count {
                        let key = nodes[1 + 2 * slot], value = nodes[2 + 2 * slot]
                        guard key.start == expected, value.start == key.end + 1, isCanonicalScalar(value, in: bytes),
                              let word = PlainKeyOrder.word(for: key, slot: slot, in: bytes)
                        else { return false }
                        keys[slot] = Int32(1 + 2 * slot)
                        words[slot] = word
                        expected = value.end + 1
                    }
                    guard expected == root.end else { return false }
                    PlainKeyOrder.sort(words, keys: keys, nodes: nodes, bytes: bytes)
                    // The same bytes in another order: as long as the source,
                    // appended in one copy and then overwritten member by member.
                    let start = output.count
                    output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[root.start..<root.end]))
                    output.withUnsafeMutableBytes { out in
                        var end = start + 1  // after the "{" the source begins with too
                        for index in 0..<count {
                            if index > 0 {
                                out[end] = UInt8(ascii: ",")
                                end += 1
                            }
                            let key = Int(keys[Int(words[index] & 0xFF)])
                            let from = nodes[key].start, length = nodes[key + 1].end - nodes[key].start
                            UnsafeMutableRawBufferPointer(rebasing: out[end..<(end + length)])
                                .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[from..<(from + length)]))
                            end += length
                        }
                    }
                    return true
                }
            }
        }
    }

    /// A string without escapes, a literal, or a number that is its own RFC 8785 form.
    @inline(__always)
    private static func isCanonicalScalar(_ value: JSONNode, in bytes: UnsafeRawBufferPointer) -> Bool {
        switch value.kind {
        case .string: !value.hasEscapes
        case .true, .false, .null: true
        case .number: CanonicalNumber.isOwnCanonicalForm(UnsafeRawBufferPointer(rebasing: bytes[value.start..<value.end]))
        case .object, .array: false
        }
    }
}
