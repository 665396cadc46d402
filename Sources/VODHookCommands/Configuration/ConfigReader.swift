import EditDistance
import VODHookCore

/// A severity a configuration may give a rule: one of the three, or off.
enum RuleLevel: String, CaseIterable {
    case error, warning, note, off

    var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .note: .note
        case .off: nil
        }
    }
}

/// What a `.vodhook.json` says, each setting with its source offset, or the
/// mistakes in it as findings. Read with the tool's own JSON reader, so a
/// mistake is reported the way a payload's would be: line, column, and a
/// did-you-mean where one is close.
struct ConfigContents {
    var severities: [(rule: RuleID, level: RuleLevel, offset: Int)] = []
    var allowedFields: [(eventType: String, fields: [String], offset: Int)] = []
    var strict: (value: Bool, offset: Int)?
    var findings: [Diagnostic] = []

    static let keys = ["severity", "allowFields", "strict"]
    /// Not a callback rule: config findings are printed, never counted.
    static let rule = RuleID("config")

    var hasErrors: Bool { findings.contains { $0.severity == .error } }

    init(bytes: [UInt8]) {
        let reader = DocumentReader(input: BytesInput(bytes), mode: .body)
        do {
            try reader.forEach { document in
                findings += document.findings.filter { $0.rule != .noDocument }
                if document.findings.contains(where: { $0.rule == .noDocument }) {
                    findings.append(Diagnostic(.error, Self.rule, "the configuration is empty; write {} for none", offset: 0))
                }
                if let json = document.json { read(json) }
            }
        } catch {
            findings.append(Diagnostic(.error, Self.rule, "the configuration could not be read: \(error.reason)", offset: 0))
        }
    }

    private mutating func read(_ json: JSONDocument) {
        guard json[json.root].kind == .object else {
            mistake("the configuration must be a JSON object, not \(json[json.root].kind.nameWithArticle)", at: json.sourceOffset(of: json.root))
            return
        }
        for (key, value) in json.members(of: json.root) {
            let name = json.string(key)
            switch name {
            case "severity": readSeverities(json, value)
            case "allowFields": readAllowedFields(json, value)
            case "strict":
                let kind = json[value].kind
                guard kind == .true || kind == .false else {
                    mistake("\"strict\" must be true or false, not \(kind.nameWithArticle)", at: json.sourceOffset(of: value))
                    continue
                }
                strict = (kind == .true, json.sourceOffset(of: key))
            default:
                mistake("unknown key \(TerminalSafe.quoted(name)) in the configuration", at: json.sourceOffset(of: key),
                        hint: nearestMatch(to: name, among: Self.keys).map { "did you mean \(TerminalSafe.quoted($0))?" }
                            ?? "the keys are " + Self.keys.map { "\"\($0)\"" }.joined(separator: ", "))
            }
        }
    }

    private mutating func readSeverities(_ json: JSONDocument, _ object: Int) {
        guard json[object].kind == .object else {
            mistake("\"severity\" must be an object of rule IDs and levels, such as {\"unknown-field\": \"off\"}", at: json.sourceOffset(of: object))
            return
        }
        for (key, value) in json.members(of: object) {
            let name = json.string(key)
            guard let rule = RuleConfiguration.knownRule(name) else {
                mistake("unknown rule \(TerminalSafe.quoted(name)) in \"severity\"", at: json.sourceOffset(of: key), hint: RuleConfiguration.ruleHint(name))
                continue
            }
            guard json[value].kind == .string, let level = RuleLevel(rawValue: json.string(value)) else {
                let shown = json[value].kind == .string ? TerminalSafe.quoted(json.string(value)) : json[value].kind.nameWithArticle
                let near = json[value].kind == .string ? nearestMatch(to: json.string(value), among: RuleLevel.allCases.map(\.rawValue)) : nil
                mistake("the level of \(TerminalSafe.quoted(name)) must be \"error\", \"warning\", \"note\" or \"off\", not \(shown)",
                        at: json.sourceOffset(of: value), hint: near.map { "did you mean \(TerminalSafe.quoted($0))?" })
                continue
            }
            severities.append((rule, level, json.sourceOffset(of: key)))
        }
    }

    private mutating func readAllowedFields(_ json: JSONDocument, _ object: Int) {
        guard json[object].kind == .object else {
            mistake("\"allowFields\" must be an object of EventTypes and field names, such as {\"DeleteMediaComplete\": [\"AppId\"]}", at: json.sourceOffset(of: object))
            return
        }
        let eventTypes = EventCatalog.events.map(\.eventType)
        for (key, value) in json.members(of: object) {
            let eventType = json.string(key)
            guard eventTypes.contains(eventType) else {
                mistake("unknown EventType \(TerminalSafe.quoted(eventType)) in \"allowFields\"", at: json.sourceOffset(of: key),
                        hint: nearestMatch(to: eventType, among: eventTypes).map { "did you mean \(TerminalSafe.quoted($0))?" })
                continue
            }
            guard json[value].kind == .array else {
                mistake("the fields of \(TerminalSafe.quoted(eventType)) must be an array of names, not \(json[value].kind.nameWithArticle)", at: json.sourceOffset(of: value))
                continue
            }
            var fields: [String] = []
            for element in json.elements(of: value) {
                guard json[element].kind == .string else {
                    mistake("a field name must be a string, not \(json[element].kind.nameWithArticle)", at: json.sourceOffset(of: element))
                    continue
                }
                fields.append(json.string(element))
            }
            allowedFields.append((eventType, fields, json.sourceOffset(of: key)))
        }
    }

    private mutating func mistake(_ message: String, at offset: Int, hint: String? = nil) {
        findings.append(Diagnostic(.error, Self.rule, message, offset: offset, hint: hint))
    }
}
