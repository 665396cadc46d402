import ArgumentParsing
import EditDistance
import VODHookCore

/// The rule configuration a run uses: the config file's settings, then the
/// flags (`--severity`, `--ignore`, `--strict`) over them, each remembered
/// with where it came from so `--show-config` can say.
struct RuleConfiguration {
    private(set) var policy = FindingPolicy()
    /// Which file was read, or why none was.
    private(set) var fileDescription = "none"
    private(set) var severityOrigins: [(rule: RuleID, level: RuleLevel, origin: String)] = []
    private(set) var fieldOrigins: [(eventType: String, fields: [String], origin: String)] = []
    private(set) var strictOrigin: String?

    static let options = [
        OptionSpec("ignore", kind: .value(placeholder: "rule"), help: "drop a rule's findings (repeatable); same as --severity RULE=off",
                   repeatable: true, completion: .ruleIDs),
        OptionSpec("severity", kind: .value(placeholder: "rule=level"), help: "give a rule another severity: error, warning, note or off (repeatable)",
                   repeatable: true, completion: .words(RuleCatalog.all.flatMap { rule in RuleLevel.allCases.map { "\(rule.id)=\($0.rawValue)" } })),
        OptionSpec("config", kind: .value(placeholder: "file"), help: "read rule settings from FILE instead of the nearest .vodhook.json", completion: .files),
        OptionSpec("no-config", help: "read no .vodhook.json"),
    ]

    static func knownRule(_ name: String) -> RuleID? {
        RuleCatalog.description(of: RuleID(name)) == nil ? nil : RuleID(name)
    }

    static func ruleHint(_ name: String) -> String {
        nearestMatch(to: name, among: RuleCatalog.all.map(\.id.rawValue)).map { "did you mean \(TerminalSafe.quoted($0))?" }
            ?? "run 'vodhook rules' for the list"
    }

    /// The configuration for a run, or nil after saying on stderr what is wrong (a usage error).
    static func load(_ parsed: ParsedArguments, command: String, _ environment: CommandEnvironment) -> RuleConfiguration? {
        var configuration = RuleConfiguration()
        func usage(_ message: String) -> RuleConfiguration? {
            environment.errors.write("vodhook \(command): error: \(message)\nRun 'vodhook rules' for the rule IDs, 'vodhook \(command) --help' for usage.\n")
            return nil
        }
        if parsed.isSet("no-config") && parsed.isSet("config") { return usage("--config and --no-config contradict each other; give one") }
        var path: (shown: String, path: String)?
        if let given = parsed.value("config") {
            path = (given, given)
            configuration.fileDescription = "\(TerminalSafe.quoted(given)) (--config)"
        } else if parsed.isSet("no-config") {
            configuration.fileDescription = "none (--no-config)"
        } else if let directory = environment.workingDirectory, let found = ConfigFile.find(from: directory) {
            path = found
            configuration.fileDescription = "\(TerminalSafe.quoted(found.shown)) (found from the working directory upward)"
        } else {
            configuration.fileDescription = "none (no \(ConfigFile.name) from the working directory up to the repository's top or /)"
        }
        if let path, !configuration.readFile(path.path, shown: path.shown, command: command, environment) { return nil }
        for setting in parsed.values("severity") {
            guard let equals = setting.firstIndex(of: "=") else {
                return usage("--severity wants RULE=LEVEL, such as unknown-field=off, not \(TerminalSafe.quoted(setting))")
            }
            let name = String(setting[..<equals])
            let levelName = String(setting[setting.index(after: equals)...])
            guard let rule = knownRule(name) else { return usage("unknown rule \(TerminalSafe.quoted(name)) in --severity; \(ruleHint(name))") }
            guard let level = RuleLevel(rawValue: levelName) else {
                let near = nearestMatch(to: levelName, among: RuleLevel.allCases.map(\.rawValue)).map { "; did you mean '\($0)'?" } ?? ""
                return usage("--severity \(name)= wants error, warning, note or off, not \(TerminalSafe.quoted(levelName))\(near)")
            }
            configuration.set(rule, level, origin: "--severity")
        }
        for name in parsed.values("ignore") {
            guard let rule = knownRule(name) else { return usage("unknown rule \(TerminalSafe.quoted(name)) in --ignore; \(ruleHint(name))") }
            configuration.set(rule, .off, origin: "--ignore")
        }
        if parsed.isSet("strict") {
            configuration.policy.strict = true
            configuration.strictOrigin = "--strict"
        }
        return configuration
    }

    /// Reads a config file into the settings; false after printing its mistakes.
    private mutating func readFile(_ opened: String, shown path: String, command: String, _ environment: CommandEnvironment) -> Bool {
        let bytes: [UInt8]
        switch ConfigFile.read(opened) {
        case .success(let read): bytes = read
        case .failure(let error):
            environment.errors.write("vodhook \(command): error: cannot read the configuration \(TerminalSafe.quoted(path)): \(error.reason)\n")
            return false
        }
        let contents = ConfigContents(bytes: bytes)
        let locator = MemoryLocator(bytes)
        if !contents.findings.isEmpty {
            var out: [UInt8] = []
            let report = DocumentReport(source: path, index: 1, startOffset: 0, eventType: nil, diagnostics: contents.findings.sorted())
            TextDiagnosticRenderer(style: TextStyle(enabled: false)).render(report, locator: locator, into: &out)
            environment.errors.write(out)
        }
        if contents.hasErrors {
            environment.errors.write("vodhook \(command): error: the configuration \(TerminalSafe.quoted(path)) has mistakes; fix them, or run with --no-config\n")
            return false
        }
        func origin(_ offset: Int) -> String { "\(TerminalSafe.path(path)):\(locator.position(ofSourceOffset: offset))" }
        for (rule, level, offset) in contents.severities { set(rule, level, origin: origin(offset)) }
        for (eventType, fields, offset) in contents.allowedFields {
            policy.allowedFields[eventType, default: []].formUnion(fields)
            fieldOrigins.append((eventType, fields, origin(offset)))
        }
        if let strict = contents.strict {
            policy.strict = strict.value
            strictOrigin = origin(strict.offset)
        }
        return true
    }

    private mutating func set(_ rule: RuleID, _ level: RuleLevel, origin: String) {
        policy.severities[rule] = nil
        policy.disabled.remove(rule)
        if let severity = level.severity {
            if severity != RuleCatalog.severity(of: rule) { policy.severities[rule] = severity }
        } else {
            policy.disabled.insert(rule)
        }
        severityOrigins.removeAll { $0.rule == rule }
        severityOrigins.append((rule, level, origin))
    }

    /// What `check --show-config` prints.
    func description() -> String {
        var text = "config file: \(fileDescription)\n"
        text += "strict: \(policy.strict)" + (strictOrigin.map { "  (\($0))" } ?? "  (default)") + "\n"
        text += "severity:" + (severityOrigins.isEmpty ? " every rule as 'vodhook rules' lists it\n" : "\n")
        for (rule, level, origin) in severityOrigins.sorted(by: { $0.rule < $1.rule }) {
            text += "  \(rule): \(level.rawValue)  (\(origin); default \(RuleCatalog.severity(of: rule).name))\n"
        }
        text += "allowFields:" + (fieldOrigins.isEmpty ? " none\n" : "\n")
        for (eventType, fields, origin) in fieldOrigins {
            text += "  \(TerminalSafe.path(eventType)): " + fields.map(TerminalSafe.quoted).joined(separator: ", ") + "  (\(origin))\n"
        }
        return text
    }
}
