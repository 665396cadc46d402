/// A piece of reference text that renders both as a man page and as Markdown,
/// so the two say the same thing.
public enum ReferenceBlock: Sendable, Hashable {
    /// A section title: level 1 is a man page's `.SH` (Markdown `##`), level 2 its `.SS` (`###`),
    /// level 3 a bold line (`####`).
    case heading(String, level: Int)
    /// Running text that the renderer may fill and wrap.
    case paragraph(String)
    /// Lines shown exactly as written, such as usage lines or an aligned table.
    case preformatted(String)
    /// A term, such as an option's names and the placeholder of its value, and what it means.
    case definition(term: String, argument: String?, text: String)
}

/// Reads help-style free text into blocks: blank lines separate paragraphs, and indented
/// lines are kept as they are, the way `--help` shows them.
public func referenceBlocks(fromText text: String) -> [ReferenceBlock] {
    var blocks: [ReferenceBlock] = []
    var running: [Substring] = []
    var indented: [Substring] = []
    func flush() {
        if !running.isEmpty {
            blocks.append(.paragraph(running.map { $0.drop { $0 == " " } }.joined(separator: " ")))
            running = []
        }
        if !indented.isEmpty {
            let margin = indented.map { line in line.prefix { $0 == " " }.count }.min() ?? 0
            blocks.append(.preformatted(indented.map { String($0.dropFirst(margin)) }.joined(separator: "\n")))
            indented = []
        }
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.allSatisfy({ $0 == " " }) {
            flush()
        } else if line.first == " " {
            if !running.isEmpty { flush() }
            indented.append(line)
        } else {
            if !indented.isEmpty { flush() }
            running.append(line)
        }
    }
    flush()
    return blocks
}
