extension CommandSpec {
    /// Full help text: "OVERVIEW: abstract", "USAGE:" lines, "OPTIONS:" aligned two-column list (including -h, --help, -V and --version, which every command has), then discussion.
    ///
    /// Usage lines are prefixed with `programName` and the command's name (once, when
    /// the two are the same); with no usage lines, one is made from the positionals.
    /// Options keep their declaration order, followed by the built-in ones. The text
    /// has no trailing newline, so `print` shows it as is.
    public func helpText(programName: String) -> String {
        var lines = ["OVERVIEW: \(abstract)", ""]
        for (number, line) in usageLines(programName: programName).enumerated() {
            lines.append((number == 0 ? "USAGE: " : "       ") + line)
        }

        lines += ["", "OPTIONS:"]
        let rows = options.map(helpRow) + [
            HelpRow(names: "-h, --help", description: "Show help information"),
            HelpRow(names: "-V, --version", description: "Show the version"),
        ]
        let width = rows.map(\.names.count).max() ?? 0
        for row in rows {
            lines += row.lines(namesWidth: width)
        }

        if !discussion.isEmpty {
            lines += ["", discussion]
        }
        return lines.joined(separator: "\n")
    }
}

extension CommandSpec {
    /// The usage lines with the program and command name in front; with none declared,
    /// one made from the positionals.
    func usageLines(programName: String) -> [String] {
        let invocation = joinedWords([programName, name == programName ? "" : name])
        let lines = usage.isEmpty ? [joinedWords(["[OPTIONS]", positionals ?? ""])] : usage
        return lines.map { joinedWords([invocation, $0]) }
    }
}

/// One option's entry: the names on the left, what it does on the right.
private struct HelpRow {
    let names: String
    let description: String

    /// Two-space indent, names padded to the widest, two spaces, then the description;
    /// a multi-line description keeps its later lines under the first.
    func lines(namesWidth: Int) -> [String] {
        let indent = String(repeating: " ", count: 2 + namesWidth + 2)
        let padding = String(repeating: " ", count: namesWidth - names.count)
        let parts = description.split(separator: "\n", omittingEmptySubsequences: false)
        // Empty lines get no padding, so the text never ends a line with spaces.
        return parts.enumerated().map { number, part in
            if number > 0 { return part.isEmpty ? "" : indent + part }
            return part.isEmpty ? "  " + names : "  " + names + padding + "  " + part
        }
    }
}

private func helpRow(_ option: OptionSpec) -> HelpRow {
    var names = option.short.map { "-\($0), " } ?? "    "
    names += "--" + option.long
    if case .value(let placeholder) = option.kind {
        names += " <\(placeholder)>"
    }
    var description = option.help
    if let allowed = option.allowedValues {
        description = joinedWords([description, "(" + allowed.joined(separator: "|") + ")"])
    }
    return HelpRow(names: names, description: description)
}

/// Joins with single spaces, skipping empty parts so optional pieces leave no double spaces.
private func joinedWords(_ words: [String]) -> String {
    words.filter { !$0.isEmpty }.joined(separator: " ")
}
