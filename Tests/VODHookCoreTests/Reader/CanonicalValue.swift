@testable import VODHookCore

/// A parsed value as one string, for comparing with fixtures and with Python:
/// compact, members in source order (duplicates kept), numbers exactly as
/// written, strings decoded and re-escaped so the text is plain ASCII.
/// The differential test's Python script writes the same form.
enum CanonicalValue {
    static func render(_ document: JSONDocument) -> String {
        var out = ""
        append(document.root, of: document, to: &out)
        return out
    }

    private static func append(_ index: Int, of document: JSONDocument, to out: inout String) {
        let node = document[index]
        switch node.kind {
        case .object:
            out += "{"
            for (number, member) in document.members(of: index).enumerated() {
                if number > 0 { out += "," }
                appendString(document.string(member.key), to: &out)
                out += ":"
                append(member.value, of: document, to: &out)
            }
            out += "}"
        case .array:
            out += "["
            for (number, element) in document.elements(of: index).enumerated() {
                if number > 0 { out += "," }
                append(element, of: document, to: &out)
            }
            out += "]"
        case .string:
            appendString(document.string(index), to: &out)
        case .number, .true, .false, .null:
            out += String(decoding: document.rawBytes(of: index), as: UTF8.self)
        }
    }

    static func appendString(_ text: String, to out: inout String) {
        out += "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        out += "\""
    }
}
