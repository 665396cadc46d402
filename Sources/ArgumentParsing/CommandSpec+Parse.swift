import EditDistance

extension CommandSpec {
    /// Reads a command line (without the program name) against this spec.
    ///
    /// Options and positionals may be interleaved; `--` ends options. A value option
    /// takes the next argument even when it starts with '-', so `--timestamp -5` works.
    /// A value option that is not `repeatable` and is given twice keeps the last value,
    /// letting a later argument override an earlier default. Flags may repeat.
    /// When `-h` or `--help` appears anywhere as an option, the result has
    /// `helpRequested` set instead of throwing, because someone asking for help should
    /// get it even while getting the rest wrong. Otherwise the first problem, in
    /// command-line order, is thrown.
    public func parse(_ arguments: [String]) throws(UsageError) -> ParsedArguments {
        var parser = CommandLineParser(spec: self, arguments: arguments)
        return try parser.run()
    }
}

/// The state of one parse; kept apart from `CommandSpec` so the spec stays a plain value.
private struct CommandLineParser {
    let spec: CommandSpec
    let arguments: [String]
    var tokenizer: ArgumentTokenizer
    var firstError: UsageError?
    var helpRequested = false
    var versionRequested = false
    var positionals: [String] = []
    var occurrences: [String: Int] = [:]
    var valuesByOption: [String: [String]] = [:]

    init(spec: CommandSpec, arguments: [String]) {
        self.spec = spec
        self.arguments = arguments
        self.tokenizer = ArgumentTokenizer(arguments)
    }

    mutating func run() throws(UsageError) -> ParsedArguments {
        // Keep going after a problem: a later --help must still be found.
        while let token = tokenizer.next() {
            switch token.kind {
            case .terminator:
                break
            case .positional(let text):
                acceptPositional(text)
            case .longOption(let name, let attachedValue):
                acceptLong(name, attachedValue: attachedValue)
            case .shortOption(let letter, let startsCluster):
                acceptShort(letter, cluster: startsCluster ? arguments[token.index] : nil)
            }
        }
        let result = ParsedArguments(
            positionals: positionals,
            helpRequested: helpRequested,
            versionRequested: versionRequested,
            occurrences: occurrences,
            valuesByOption: valuesByOption)
        if !helpRequested, let firstError { throw firstError }
        return result
    }

    private mutating func fail(_ message: String) {
        if firstError == nil { firstError = UsageError(message) }
    }

    private mutating func acceptPositional(_ text: String) {
        guard spec.positionals != nil else {
            return fail("unexpected argument \(quoted(text))")
        }
        positionals.append(text)
    }

    private mutating func acceptLong(_ name: String, attachedValue: String?) {
        switch name {
        case "help":
            // Even `--help=x` is a plea for help; help wins over the stray value.
            helpRequested = true
        case "version":
            if attachedValue != nil { return fail("option '--version' takes no value") }
            versionRequested = true
        default:
            guard let option = spec.options.first(where: { $0.long == name }) else {
                return fail("unknown option \(quoted("--" + name))" + hint(for: name))
            }
            accept(option, attachedValue: attachedValue)
        }
    }

    /// `cluster` is the whole argument when `letter` opens it, for hinting at a long name.
    private mutating func acceptShort(_ letter: Character, cluster: String?) {
        if letter == builtInShortHelp {
            helpRequested = true
            return
        }
        if letter == builtInShortVersion {
            versionRequested = true
            return
        }
        guard let option = spec.options.first(where: { $0.short == letter }) else {
            // `-verbose` is more likely a long option missing a dash than a bundle.
            let word = cluster.map { String($0.unicodeScalars.dropFirst()) } ?? ""
            let suggestion = word.count >= 3 ? hint(for: word) : ""
            return fail("unknown option \(quoted("-" + String(letter)))" + suggestion)
        }
        accept(option, attachedValue: nil)
    }

    private mutating func accept(_ option: OptionSpec, attachedValue: String?) {
        let display = "'--\(option.long)'"
        guard case .value = option.kind else {
            if attachedValue != nil { return fail("option \(display) takes no value") }
            occurrences[option.long, default: 0] += 1
            return
        }
        guard let value = attachedValue ?? tokenizer.takeValue() else {
            return fail("option \(display) needs a value")
        }
        if let allowed = option.allowedValues, !allowed.contains(value) {
            var message = "invalid value \(quoted(value)) for \(display); "
                + "expected one of: \(allowed.joined(separator: ", "))"
            if let match = nearestMatch(to: value, among: allowed) {
                message += "; did you mean '\(match)'?"
            }
            return fail(message)
        }
        occurrences[option.long, default: 0] += 1
        if option.repeatable {
            valuesByOption[option.long, default: []].append(value)
        } else {
            valuesByOption[option.long] = [value]
        }
    }

    /// "; did you mean '--name'?" for the closest long name, or nothing.
    private func hint(for name: String) -> String {
        let candidates = spec.options.map(\.long) + builtInLongNames
        guard let match = nearestMatch(to: name, among: candidates) else { return "" }
        return "; did you mean '--\(match)'?"
    }
}
