/// A number whose value RFC 8785 output does not keep, and where it is.
/// RFC 8785 writes every number as the IEEE 754 double nearest to it, so
/// `normalize --canonical` follows it and says so, number by number.
public struct CanonicalNumberChange: Sendable, Hashable {
    /// What happens to the number.
    public enum Kind: Sendable, Hashable {
        /// Written as another number: the shortest form of the nearest double
        /// names another value (505874924095815681 becomes 505874924095815700,
        /// and 2^60, which a double holds, 1152921504606847000).
        case rounded
        /// Too small for a double: written as 0 (1e-400).
        case underflow
        /// Too large for a double (1e400): RFC 8785 has no form for it, so
        /// the document is not written.
        case overflow
    }

    /// What happens to the number.
    public let kind: Kind
    /// The number's index in the document's tape.
    public let node: Int

    /// A change to the number at tape index `node`.
    public init(_ kind: Kind, node: Int) {
        self.kind = kind
        self.node = node
    }

    /// Every number of a document that canonical output writes with
    /// another value, in source order.
    static func append(changesIn document: JSONDocument, to changes: inout [CanonicalNumberChange]) {
        var scratch: [UInt8] = []
        for index in document.nodes.indices where document.nodes[index].kind == .number {
            scratch.removeAll(keepingCapacity: true)
            if case .changed(let kind) = CanonicalNumber.write(document.rawBytes(of: index), to: &scratch) {
                changes.append(CanonicalNumberChange(kind, node: index))
            }
        }
    }

    /// The finding `normalize --canonical` reports: a warning for a number
    /// written with another value, an error for one it cannot write.
    public func diagnostic(in document: JSONDocument, pointer: String) -> Diagnostic {
        let literal = document.rawBytes(of: node)
        let quoted = Self.quoted(literal)
        let message: String
        switch kind {
        case .rounded:
            let written = CanonicalNumber.format(literal).map { String(decoding: $0, as: UTF8.self) } ?? "?"
            message = "number \(quoted) is written as \(written): RFC 8785 writes the IEEE 754 double nearest to it, in its shortest form"
        case .underflow:
            message = "number \(quoted) is written as 0: it is too small for an IEEE 754 double, which RFC 8785 writes"
        case .overflow:
            message = "number \(quoted) is too large for an IEEE 754 double, so RFC 8785 cannot write it; the document is not written"
        }
        let rule: RuleID = kind == .overflow ? .canonicalNumber : .canonicalRounding
        return Diagnostic(kind == .overflow ? .error : .warning, rule, message, offset: document.sourceOffset(of: node), pointer: pointer)
    }

    /// The literal as written, shortened in the middle when it is long; a
    /// JSON number is ASCII, so it needs no escaping.
    private static func quoted(_ literal: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: literal, as: UTF8.self)
        guard text.utf8.count > 40 else { return text }
        return "\(text.prefix(20))...\(text.suffix(12)) (\(text.utf8.count) characters)"
    }
}

/// What canonical output did to a document's numbers, as plain values the
/// writer can keep without allocating.
struct CanonicalNumberNotes {
    /// Some number was written as another value.
    var someChanged = false
    /// The tape index of the number that could not be written.
    var unwritable: Int?
}
