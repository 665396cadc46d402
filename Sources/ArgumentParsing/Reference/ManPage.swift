/// A man page in the `man(7)` macros, written so that `groff -ww -man` renders it
/// without a warning: every character that roff would read as markup is escaped.
public struct ManPage: Sendable {
    /// The command the page is about, as in `vodhook`; the title is its upper case.
    public let name: String
    /// The manual section, `1` for user commands.
    public let section: String
    /// The footer's source, such as `vodhook 0.1.0`.
    public let source: String
    /// The header's manual name, such as `User Commands`.
    public let manual: String
    /// The page's sections, starting with NAME.
    public let blocks: [ReferenceBlock]

    /// Describes a page; nothing is rendered until `text`.
    public init(name: String, section: String, source: String, manual: String, blocks: [ReferenceBlock]) {
        self.name = name
        self.section = section
        self.source = source
        self.manual = manual
        self.blocks = blocks
    }

    /// The page's roff source. The date field is left empty, so the same binary always
    /// prints the same page and generated files only change when the tool does.
    public var text: String {
        // Left-aligned and unhyphenated: option names and rule IDs must not be split.
        var lines = [".TH " + [name.uppercased(), section, "", source, manual].map(roffArgument).joined(separator: " "), ".ad l", ".nh"]
        for block in blocks {
            lines += roffLines(block)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

private func roffLines(_ block: ReferenceBlock) -> [String] {
    switch block {
    case .heading(let title, let level):
        switch level {
        case ...1: return [".SH " + roffArgument(title.uppercased())]
        case 2: return [".SS " + roffArgument(title)]
        default: return [".PP", "\\fB" + roffEscaped(title) + "\\fR"]
        }
    case .paragraph(let text):
        return [".PP", roffLine(roffEscaped(text))]
    case .preformatted(let text):
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.isEmpty ? "\\&" : roffLine(roffEscaped(String(line)))
        }
        return [".PP", ".RS 4", ".nf"] + body + [".fi", ".RE"]
    case .definition(let term, let argument, let text):
        var tag = "\\fB" + roffEscaped(term) + "\\fR"
        if let argument { tag += " \\fI" + roffEscaped(argument) + "\\fR" }
        return [".TP", roffLine(tag), roffLine(roffEscaped(text))]
    }
}

/// A text line that roff must not take for a request: one starting with `.` or `'`.
private func roffLine(_ escaped: String) -> String {
    escaped.first == "." || escaped.first == "'" ? "\\&" + escaped : escaped
}

/// A macro argument, quoted; roff has no escape for `"` inside quotes but `\(dq`.
private func roffArgument(_ text: String) -> String {
    "\"" + roffEscaped(text).replacing("\"", with: "\\(dq") + "\""
}

/// Backslashes and hyphens escaped (so options copy as ASCII minus signs), and anything
/// outside printable ASCII written as a `\[uXXXX]` glyph so no input encoding is assumed.
func roffEscaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\e"
        case "-": out += "\\-"
        case "\t": out += " "
        case " "..."~": out.unicodeScalars.append(scalar)
        default:
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            let code = isControl ? "FFFD" : String(scalar.value, radix: 16, uppercase: true)
            out += "\\[u" + String(repeating: "0", count: max(0, 4 - code.count)) + code + "]"
        }
    }
    return out
}
