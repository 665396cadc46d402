extension CommandSpec {
    /// The command as reference blocks: a heading, its abstract, its usage lines, one
    /// definition per declared option, then its discussion. The built-in `-h` and `-V`
    /// are left to the page that lists every command, which says so once.
    public func referenceBlocks(programName: String, level: Int) -> [ReferenceBlock] {
        var blocks: [ReferenceBlock] = [.heading(name, level: level), .paragraph(abstract)]
        blocks.append(.preformatted(usageLines(programName: programName).joined(separator: "\n")))
        for option in options {
            blocks.append(option.referenceBlock)
        }
        if !discussion.isEmpty {
            blocks += ArgumentParsing.referenceBlocks(fromText: discussion)
        }
        return blocks
    }
}

extension OptionSpec {
    /// The option's names, the placeholder of its value, and its help with the allowed values.
    var referenceBlock: ReferenceBlock {
        var names = short.map { "-\($0), " } ?? ""
        names += "--" + long
        var argument: String?
        if case .value(let placeholder) = kind { argument = placeholder }
        var text = help.split(separator: "\n").joined(separator: " ")
        if let allowedValues {
            text += (text.isEmpty ? "" : " ") + "(" + allowedValues.joined(separator: "|") + ")"
        }
        return .definition(term: names, argument: argument, text: text)
    }
}
