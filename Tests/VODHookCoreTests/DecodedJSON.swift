import VODHookCore

/// A document's data, independent of spelling and whitespace, to check
/// that written output reads back as the same data.
indirect enum DecodedJSON: Equatable {
    case object([Member])
    case array([DecodedJSON])
    case string([UInt8])
    /// The literal as written; see `byValue` for comparing numeric values.
    case number(String)
    case literal(String)

    struct Member: Equatable {
        var key: [UInt8]
        var value: DecodedJSON
    }

    init(_ document: JSONDocument, at index: Int = 0) {
        let node = document[index]
        switch node.kind {
        case .object:
            self = .object(document.members(of: index).map { Member(key: document.decodedBytes($0.key), value: DecodedJSON(document, at: $0.value)) })
        case .array:
            self = .array(document.elements(of: index).map { DecodedJSON(document, at: $0) })
        case .string:
            self = .string(document.decodedBytes(index))
        case .number:
            self = .number(String(decoding: document.rawBytes(of: index), as: UTF8.self))
        case .true, .false, .null:
            self = .literal(String(decoding: document.rawBytes(of: index), as: UTF8.self))
        }
    }

    /// The same data with key order and number spelling factored out, which
    /// is all canonical output promises to keep: members sorted by key bytes,
    /// numbers as the double they denote (with -0 as 0, as JCS has it).
    var byValue: DecodedJSON {
        switch self {
        case .object(let members):
            let sorted = members.map { Member(key: $0.key, value: $0.value.byValue) }
                .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            return .object(sorted)
        case .array(let elements):
            return .array(elements.map(\.byValue))
        case .number(let literal):
            let value = Double(literal)!
            return .number((value == 0 ? 0 : value).description)
        case .string, .literal:
            return self
        }
    }
}
