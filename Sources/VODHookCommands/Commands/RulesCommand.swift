import ArgumentParsing
import EditDistance
import VODHookCore

/// `vodhook rules`: every rule with its ID, severity and one line.
enum RulesCommand {
    /// What `--format` may ask for.
    enum Format: String, OptionChoice {
        case text, json, markdown
    }

    static let spec = CommandSpec(
        name: "rules",
        abstract: "List every rule: its ID, severity and what it checks.",
        usage: ["[--format text|json|markdown]"],
        options: [
            Format.option("format", placeholder: "format",
                          help: "text (a table), json (an array of objects) or markdown (docs/rules.md, with explanations and examples)"),
        ])

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        switch parsed.choice("format", default: Format.text) {
        case .markdown:
            environment.output.write(CommandReference.rulesPage().text)
            return .success
        case .json:
            var out: [UInt8] = [UInt8(ascii: "[")]
            for (index, rule) in RuleCatalog.all.enumerated() {
                out.append(index == 0 ? "\n  {\"id\":" : ",\n  {\"id\":")
                JSONText.appendString(rule.id.rawValue, to: &out)
                out.append(",\"severity\":")
                JSONText.appendString(rule.severity.name, to: &out)
                out.append(",\"summary\":")
                JSONText.appendString(rule.summary, to: &out)
                out.append("}")
            }
            out.append("\n]\n")
            environment.output.write(out)
            return .success
        case .text:
            break
        }
        let idWidth = RuleCatalog.all.map(\.id.rawValue.count).max() ?? 0
        var text = ""
        for rule in RuleCatalog.all {
            text += rule.id.rawValue.padded(to: idWidth + 2) + rule.severity.name.padded(to: 9) + rule.summary + "\n"
        }
        environment.output.write(text)
        return .success
    }
}

/// `vodhook explain RULE`: what a rule checks, why, and examples.
enum ExplainCommand {
    static let spec = CommandSpec(
        name: "explain",
        abstract: "Explain a rule, with a failing and a passing example.",
        usage: ["RULE"],
        options: [],
        positionals: "RULE",
        positionalCompletion: .ruleIDs)

    static func run(_ parsed: ParsedArguments, _ environment: CommandEnvironment) -> ExitCode {
        guard parsed.positionals.count == 1 else {
            environment.errors.write("vodhook explain: error: expected exactly one rule ID, such as 'invalid-value'\nRun 'vodhook rules' for the list.\n")
            return .trouble
        }
        let name = parsed.positionals[0]
        guard let rule = RuleCatalog.description(of: RuleID(name)) else {
            var message = "vodhook explain: error: unknown rule \(TerminalSafe.quoted(name))"
            if let near = nearestRule(name) { message += "; did you mean '\(near)'?" }
            environment.errors.write(message + "\nRun 'vodhook rules' for the list.\n")
            return .trouble
        }
        var text = "\(rule.id) (\(rule.severity.name)): \(rule.summary)\n\n"
        text += wrap(rule.explanation, width: 78) + "\n\n"
        text += "Fails:\n" + indent(printable(rule.failingExample)) + "\n\n"
        text += "Passes:\n" + indent(printable(rule.passingExample)) + "\n"
        environment.output.write(text)
        return .success
    }

    static func nearestRule(_ name: String) -> String? {
        nearestMatch(to: name, among: RuleCatalog.all.map(\.id.rawValue))
    }

    /// Examples may hold a BOM or be empty; show what they are.
    static func printable(_ example: String) -> String {
        if example.isEmpty { return "(an empty source)" }
        var out = ""
        // The json-size example is megabytes long: stop once past what is shown.
        for scalar in example.unicodeScalars.prefix(401) {
            if scalar == "\u{FEFF}" { out += "<U+FEFF byte-order mark>" } else { TerminalSafe.append(scalar, to: &out) }
        }
        return out.count > 400 ? String(out.prefix(400)) + "..." : out
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }

    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
