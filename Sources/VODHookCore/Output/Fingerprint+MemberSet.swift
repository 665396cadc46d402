extension Fingerprint {
    /// A fingerprint of a document's normalized form that ranks no keys:
    /// each object with a key order is taken as the set of its members, one
    /// fingerprint per member added up (wrapping, per 64-bit half), so the
    /// order its keys came in cannot matter. Used by `summary` for documents
    /// the spec's rules found nothing in; every other document keeps
    /// `init(normalizing:order:scratch:)`.
    ///
    /// Why the set is the normal form: when the rules find nothing, every
    /// key of every object with an order is one of its fields (an unknown or
    /// miscased key is a finding) and no key is repeated (a reader error), so
    /// each key has its own rank and `TapeWriter` writes the members in an
    /// order their keys alone decide. Two such objects with the same members
    /// write alike, and objects with different members do not.
    ///
    /// Why mixing the two schemes loses no copy: a copy is a document whose
    /// normalized form equals an earlier one's. The rules see the parsed
    /// value, not key order, whitespace or escapes (the writer writes each
    /// escape's minimal form), so two documents with the same normalized
    /// form get the same spec findings and take the same scheme; documents
    /// of different schemes never have equal forms, and their fingerprints
    /// need not agree. Findings outside the spec's rules (a byte-order mark,
    /// an HTTP capture's signature) say nothing about the value and do not
    /// choose the scheme.
    ///
    /// What each member's fingerprint covers: the key's text, `":`, then a
    /// scalar's bytes (a string with escapes in their minimal form), so a
    /// string "1" and a number 1 differ by their quote. A member holding an
    /// object or an array is fingerprinted from the key's fingerprint and
    /// the container's, under a tag word whose first byte (0xFF) no UTF-8
    /// text has, so it cannot meet a scalar member's bytes. An array, and an
    /// object without an order (kept in source order by the writer), chains
    /// its elements' fingerprints in order.
    public init(memberSetOf document: JSONDocument, order: KeyOrder, scratch: inout [UInt8]) {
        self = document.nodes.withUnsafeBufferPointer { nodes in
            guard !nodes.isEmpty else { return Fingerprint(UnsafeRawBufferPointer(start: nil, count: 0)) }
            var walk = MemberSetWalk(nodes: nodes, bytes: document.bytes, document: document, order: order)
            let rootOrder = order.isEmpty || nodes[0].kind != .object ? MemberSetWalk.noOrder : -1
            return walk.fingerprint(of: 0, order: rootOrder, scratch: &scratch)
        }
    }
}

/// The walk behind `Fingerprint(memberSetOf:)`: a call per container, a
/// fingerprint per member.
private struct MemberSetWalk {
    static let noOrder: Int32 = -2

    let nodes: UnsafeBufferPointer<JSONNode>
    let bytes: UnsafeRawBufferPointer
    let document: JSONDocument
    let order: KeyOrder

    /// Tag words: the first byte 0xFF, which UTF-8 text never holds, then what the words after it are.
    private static let setTag: UInt64 = 0x7B_FF  // "{": the sum of an ordered object's members
    private static let sequenceObjectTag: UInt64 = 0x28_FF  // "(": an object kept in source order
    private static let arrayTag: UInt64 = 0x5B_FF  // "["
    private static let containerMemberTag: UInt64 = 0x3A_FF  // ":": a key and a container value

    /// The fingerprint of the value at `index`; `order` as `TapeWriter` names them.
    mutating func fingerprint(of index: Int, order keyOrder: Int32, scratch: inout [UInt8]) -> Fingerprint {
        let node = nodes[index]
        switch node.kind {
        case .object where keyOrder != Self.noOrder:
            return orderedObject(index, order: keyOrder, scratch: &scratch)
        case .object:
            var chain = Self.block(Self.sequenceObjectTag, UInt64(node.count), 0, 0, 0)
            var key = index + 1
            for _ in 0..<Int(node.count) {
                let member = self.member(key: key, childOrder: Self.noOrder, scratch: &scratch)
                chain = Self.block(Self.sequenceObjectTag, chain.high, chain.low, member.high, member.low)
                key = Int(nodes[key + 1].next)
            }
            return chain
        case .array:
            var chain = Self.block(Self.arrayTag, UInt64(node.count), 0, 0, 0)
            var element = index + 1
            for _ in 0..<Int(node.count) {
                let value = fingerprint(of: element, order: keyOrder, scratch: &scratch)
                chain = Self.block(Self.arrayTag, chain.high, chain.low, value.high, value.low)
                element = Int(nodes[element].next)
            }
            return chain
        case .string where node.hasEscapes:
            scratch.removeAll(keepingCapacity: true)
            appendMinimalString(index, to: &scratch)
            return scratch.withUnsafeBytes(Fingerprint.init)
        default:
            return Fingerprint(UnsafeRawBufferPointer(rebasing: bytes[node.start..<node.end]))
        }
    }

    /// An object with a key order: its members' fingerprints added up.
    private mutating func orderedObject(_ index: Int, order keyOrder: Int32, scratch: inout [UInt8]) -> Fingerprint {
        let node = nodes[index]
        var high: UInt64 = 0
        var low: UInt64 = 0
        var key = index + 1
        for _ in 0..<Int(node.count) {
            let valueKind = nodes[key + 1].kind
            var childOrder = Self.noOrder
            // Only a container needs its key's rank, for the order of the objects in it.
            if valueKind == .object || valueKind == .array {
                let objectOrder = order.order(keyOrder)
                let children = objectOrder.childOrders
                let rank = withKeyText(key) { objectOrder.rank(of: $0) }
                if rank < children.count && children[rank] >= 0 { childOrder = children[rank] }
            }
            let member = self.member(key: key, childOrder: childOrder, scratch: &scratch)
            high &+= member.high
            low &+= member.low
            key = Int(nodes[key + 1].next)
        }
        return Self.block(Self.setTag, UInt64(node.count), high, low, 0)
    }

    /// One member's fingerprint: `key":value` as the compact form writes it.
    private mutating func member(key: Int, childOrder: Int32, scratch: inout [UInt8]) -> Fingerprint {
        let keyNode = nodes[key]
        let value = nodes[key + 1]
        switch value.kind {
        case .object, .array:
            let keyPrint = withKeyText(key) { Fingerprint($0) }
            let valuePrint = fingerprint(of: key + 1, order: childOrder, scratch: &scratch)
            return Self.block(Self.containerMemberTag, keyPrint.high, keyPrint.low, valuePrint.high, valuePrint.low)
        default:
            // A compact member's bytes are already `key":value` (from after the key's opening quote).
            if !keyNode.hasEscapes && !value.hasEscapes && value.start == keyNode.end + 1 {
                return Self.memberPrint(UnsafeRawBufferPointer(rebasing: bytes[(keyNode.start + 1)..<value.end]))
            }
            scratch.removeAll(keepingCapacity: true)
            appendMinimalString(key, to: &scratch)
            scratch.removeFirst()
            scratch.append(UInt8(ascii: ":"))
            if value.hasEscapes {
                appendMinimalString(key + 1, to: &scratch)
            } else {
                scratch.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[value.start..<value.end]))
            }
            return scratch.withUnsafeBytes(Self.memberPrint)
        }
    }

    /// A member's fingerprint: for the usual 8 to 48 bytes, words loaded
    /// once (the last may overlap the others, as `Fingerprint` loads its
    /// tail) and folded into two lanes that each see every word, without
    /// `Fingerprint`'s block loop and final mixes; longer or shorter text
    /// takes `Fingerprint` itself.
    @inline(__always) private static func memberPrint(_ bytes: UnsafeRawBufferPointer) -> Fingerprint {
        let count = bytes.count
        guard count >= 8 && count <= 48 else { return Fingerprint(bytes) }
        @inline(__always) func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        @inline(__always) func fold(_ x: UInt64, _ y: UInt64) -> UInt64 {
            let product = x.multipliedFullWidth(by: y)
            return product.high ^ product.low
        }
        let length = UInt64(truncatingIfNeeded: count) &* 0x9E37_79B9_7F4A_7C15
        let w0 = word(0), last = word(count - 8)
        let w1 = count > 16 ? word(8) : 0
        let w2 = count > 24 ? word(16) : 0
        let w3 = count > 32 ? word(24) : 0
        let w4 = count > 40 ? word(32) : 0
        var a = fold(w0 ^ 0xA076_1D64_78BD_642F ^ length, w1 ^ 0xE703_7ED1_A0B4_28DB)
        var b = fold(w1 ^ 0x8EBC_6AF0_9C88_C6E3, w0 ^ 0x5899_65CC_7537_4CC3 ^ length)
        a = fold(a ^ w2, w3 ^ 0x1D8E_4E27_C47D_124F)
        b = fold(b ^ w3, w2 ^ 0xC2B2_AE3D_27D4_EB4F)
        a = fold(a ^ w4, last ^ 0xA076_1D64_78BD_642F)
        b = fold(b ^ last, w4 ^ 0xE703_7ED1_A0B4_28DB)
        return Fingerprint(high: fold(a ^ 0x8EBC_6AF0_9C88_C6E3, b ^ 0x5899_65CC_7537_4CC3), low: fold(b ^ 0x1D8E_4E27_C47D_124F, a ^ 0xC2B2_AE3D_27D4_EB4F))
    }

    /// Calls `body` with a key's text as the writer writes it between the quotes.
    private func withKeyText<R>(_ key: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let node = nodes[key]
        guard node.hasEscapes else { return body(UnsafeRawBufferPointer(rebasing: bytes[(node.start + 1)..<(node.end - 1)])) }
        var text: [UInt8] = []
        appendMinimalString(key, to: &text)
        return text.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[1..<($0.count - 1)])) }
    }

    /// A string as `TapeWriter` writes it, quotes included: each escape in
    /// its minimal form, which is the decoded text with `MinimalEscape`'s
    /// form for every ASCII byte (UTF-8 above ASCII is written as itself).
    private func appendMinimalString(_ index: Int, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        document.withDecodedString(index) { text in
            for byte in text {
                if byte < 0x80 { output.append(contentsOf: MinimalEscape.forms[Int(byte)]) } else { output.append(byte) }
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// The fingerprint of five words, the first a tag.
    @inline(__always) private static func block(_ tag: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> Fingerprint {
        let words = (tag.littleEndian, a.littleEndian, b.littleEndian, c.littleEndian, d.littleEndian)
        return withUnsafeBytes(of: words) { Fingerprint($0) }
    }
}
