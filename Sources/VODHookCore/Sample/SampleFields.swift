/// A payload being put together: members in order, each value held as JSON
/// text, so `--set` can add any JSON value and a violation can repeat a key.
public struct SampleFields: Sendable, Hashable {
    /// One member; `json` is the value's JSON text.
    public struct Member: Sendable, Hashable {
        public var name: String
        public var json: [UInt8]

        public init(name: String, json: [UInt8]) {
            self.name = name
            self.json = json
        }
    }

    public private(set) var members: [Member] = []

    public init() {}

    /// Replaces the first member with this name, or appends one.
    public mutating func set(_ name: String, json: [UInt8]) {
        if let index = members.firstIndex(where: { $0.name == name }) {
            members[index].json = json
        } else {
            members.append(Member(name: name, json: json))
        }
    }

    public mutating func set(_ name: String, string value: String) {
        set(name, json: Self.literal(value))
    }

    /// Adds a member even when the name is taken: how a duplicate key is made.
    public mutating func append(_ name: String, json: [UInt8]) {
        members.append(Member(name: name, json: json))
    }

    public mutating func remove(_ name: String) {
        members.removeAll { $0.name == name }
    }

    /// Gives a member another key, keeping its place and value.
    public mutating func rename(_ name: String, to newName: String) {
        if let index = members.firstIndex(where: { $0.name == name }) { members[index].name = newName }
    }

    public func json(_ name: String) -> [UInt8]? {
        members.first { $0.name == name }?.json
    }

    /// The object as compact JSON text, members in their order.
    public var text: [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (index, member) in members.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(member.name, to: &out)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: member.json)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// A `--set` value as JSON text: the text itself when it is exactly one
    /// JSON text the reader takes without any finding (`1`, `true`, `"a"`,
    /// `{"k":[1]}`), else the text as a string, so `abc` needs no quotes
    /// while `"123"` stays a string and `123` becomes a number.
    public static func argumentValue(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        let reader = DocumentReader(input: BytesInput(bytes), mode: .body, blockSize: bytes.count + 16)
        var isJSON = false
        try? reader.forEach { document in isJSON = document.json != nil && document.findings.isEmpty }
        return isJSON ? bytes : literal(text)
    }

    /// A string as a JSON string literal.
    public static func literal(_ value: String) -> [UInt8] {
        var out: [UInt8] = []
        JSONText.appendString(value, to: &out)
        return out
    }
}
