/// RFC 8785 output of a flat object, the shape of most callbacks: every
/// member a plain key and a scalar already in its canonical spelling or a
/// decimal `PlainDecimal` covers, with nothing between the tokens but single
/// separators. Its canonical form is its own members in key order (a
/// decimal cut to its canonical digits), so it is made by copying each
/// member's bytes once, without the writer's walk of frames, keys and
/// values (about 1,000 instructions a DeleteMediaComplete callback less;
/// see BENCHMARKS.md).
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
            // Per slot: the key's tape index, and its value's canonical length (see `canonicalLength`).
            return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * count) { slots in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { words in
                    let keys = UnsafeMutableBufferPointer(rebasing: slots[0..<count])
                    let lengths = UnsafeMutableBufferPointer(rebasing: slots[count..<(2 * count)])
                    // Each member must start where the separator after the one before ends.
                    var expected = root.start + 1
                    for slot in 0..<count {
                        let key = nodes[1 + 2 * slot], value = nodes[2 + 2 * slot]
                        guard key.start == expected, value.start == key.end + 1, let length = canonicalLength(of: value, in: bytes),
                              let word = PlainKeyOrder.word(for: key, slot: slot, in: bytes)
                        else { return false }
                        keys[slot] = Int32(1 + 2 * slot)
                        lengths[slot] = Int32(length)
                        words[slot] = word
                        expected = value.end + 1
                    }
                    guard expected == root.end else { return false }
                    PlainKeyOrder.sort(words, keys: keys, nodes: nodes, bytes: bytes)
                    // The same bytes in another order, decimals perhaps shorter:
                    // never longer than the source, so appended in one copy,
                    // overwritten member by member, and cut to length.
                    let start = output.count
                    output.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[root.start..<root.end]))
                    let end = output.withUnsafeMutableBytes { out -> Int in
                        var end = start + 1  // after the "{" the source begins with too
                        @inline(__always) func copy(_ from: Int, _ length: Int) {
                            UnsafeMutableRawBufferPointer(rebasing: out[end..<(end + length)])
                                .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[from..<(from + length)]))
                            end += length
                        }
                        for index in 0..<count {
                            if index > 0 {
                                out[end] = UInt8(ascii: ",")
                                end += 1
                            }
                            let slot = Int(words[index] & 0xFF)
                            let key = Int(keys[slot]), length = Int(lengths[slot])
                            let (name, value) = (nodes[key], nodes[key + 1])
                            // Key and colon, then the value's canonical bytes.
                            copy(name.start, value.start - name.start + length)
                            if length == 0 {
                                out[end] = UInt8(ascii: "0")
                                end += 1
                            }
                        }
                        out[end] = UInt8(ascii: "}")
                        return end + 1
                    }
                    if end < output.count { output.removeLast(output.count - end) }
                    return true
                }
            }
        }
    }

    /// How many of a scalar's first bytes are its canonical form, 0 for a
    /// number written "0" instead, nil for a value this does not cover: a
    /// string with escapes, a container, a number `CanonicalNumber` must parse.
    @inline(__always)
    private static func canonicalLength(of value: JSONNode, in bytes: UnsafeRawBufferPointer) -> Int? {
        switch value.kind {
        case .string: return value.hasEscapes ? nil : value.end - value.start
        case .true, .false, .null: return value.end - value.start
        case .number:
            let literal = UnsafeRawBufferPointer(rebasing: bytes[value.start..<value.end])
            return CanonicalNumber.isOwnCanonicalForm(literal) ? literal.count : PlainDecimal.canonicalPrefix(of: literal)
        case .object, .array: return nil
        }
    }
}
