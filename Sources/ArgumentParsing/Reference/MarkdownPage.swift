/// Reference blocks as GitHub-flavoured Markdown, for the generated files under docs/.
public struct MarkdownPage: Sendable {
    /// The page's `#` title.
    public let title: String
    /// What the page says, under its title.
    public let blocks: [ReferenceBlock]

    /// Describes a page; nothing is rendered until `text`.
    public init(title: String, blocks: [ReferenceBlock]) {
        self.title = title
        self.blocks = blocks
    }

    /// The Markdown text, blocks separated by one blank line, ending in a newline.
    public var text: String {
        var parts = ["# " + markdownEscaped(title)]
        var index = 0
        while index < blocks.count {
            // Consecutive definitions form one list, without blank lines between the items.
            var items: [String] = []
            while index < blocks.count, case .definition = blocks[index] {
                items.append(markdown(blocks[index]))
                index += 1
            }
            if !items.isEmpty {
                parts.append(items.joined(separator: "\n"))
                continue
            }
            parts.append(markdown(blocks[index]))
            index += 1
        }
        return parts.joined(separator: "\n\n") + "\n"
    }
}

private func markdown(_ block: ReferenceBlock) -> String {
    switch block {
    case .heading(let title, let level):
        return String(repeating: "#", count: min(max(level, 1), 5) + 1) + " " + markdownEscaped(title)
    case .paragraph(let text):
        return markdownEscaped(text)
    case .preformatted(let text):
        let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: text) + 1))
        return fence + "text\n" + text + "\n" + fence
    case .definition(let term, let argument, let text):
        let item = "- " + codeSpan(argument.map { term + " <\($0)>" } ?? term)
        return text.isEmpty ? item : item + ": " + markdownEscaped(text)
    }
}

/// Inline code that holds any backticks in the text, by using a longer fence.
private func codeSpan(_ text: String) -> String {
    let fence = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
    let padding = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
    return fence + padding + text + padding + fence
}

private func longestRun(of character: Character, in text: String) -> Int {
    var longest = 0, current = 0
    for each in text {
        current = each == character ? current + 1 : 0
        longest = max(longest, current)
    }
    return longest
}

/// Characters Markdown would read as emphasis, code, links or HTML are escaped, so
/// `*.json` and `<format>` show as written. An underscore inside a word, as in
/// `NO_COLOR`, cannot start emphasis and stays as it is.
func markdownEscaped(_ text: String) -> String {
    let characters = Array(text)
    var out = ""
    for (index, character) in characters.enumerated() {
        if character == "_" {
            let inWord = index > 0 && index + 1 < characters.count
                && isWordCharacter(characters[index - 1]) && isWordCharacter(characters[index + 1])
            if !inWord { out.append("\\") }
        } else if "\\`*[]<>#".contains(character) {
            out.append("\\")
        }
        out.append(character)
    }
    return out
}

private func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
}
