/// A small JSON value for the tool's own reports (schemas, summaries), where
/// clarity matters more than speed. Objects keep the order they are built in.
public indirect enum OutputJSON: Sendable, Hashable {
    case object([(String, OutputJSON)])
    case array([OutputJSON])
    case string(String)
    case integer(Int)
    case bool(Bool)
    case null

    public static func == (lhs: OutputJSON, rhs: OutputJSON) -> Bool { lhs.compact() == rhs.compact() }
    public func hash(into hasher: inout Hasher) { hasher.combine(compact()) }

    public func compact() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: nil, level: 0)
        return out
    }

    /// Two-space indentation, one member per line.
    public func pretty() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: 2, level: 0)
        return out
    }

    private func write(into out: inout [UInt8], indent: Int?, level: Int) {
        func newline(_ level: Int) {
            guard let indent else { return }
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: indent * level))
        }
        switch self {
        case .object(let members):
            guard !members.isEmpty else { out.append("{}"); return }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                JSONText.appendString(key, to: &out)
                out.append(indent == nil ? ":" : ": ")
                value.write(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "}"))
        case .array(let elements):
            guard !elements.isEmpty else { out.append("[]"); return }
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                element.write(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "]"))
        case .string(let text): JSONText.appendString(text, to: &out)
        case .integer(let value): out.append(decimal: value)
        case .bool(let value): out.append(value ? "true" : "false")
        case .null: out.append("null")
        }
    }
}
