import ArgumentParsing
import VODHookCore

/// `vodhook sample`'s command line, checked as a whole: which of its three
/// modes it asks for, and the options that go with that mode.
struct SampleSettings {
    enum Mode {
        /// Realistic payloads, some fields held fixed, `--set` members applied last.
        case samples(SampleChoices, [SampleFields.Member])
        case violate(String)
        /// One payload per rule, to standard output or into a directory.
        case allRules(directory: String?)
        /// A receiver's log of videos going through their events.
        case lifecycle
    }

    var mode: Mode
    /// The event to sample; nil for DeleteMediaComplete's own generator.
    var event: EventSpec?
    var seed: UInt64
    var count: Int
    var writer: SampleWriter

    static func parse(_ parsed: ParsedArguments) -> Result<SampleSettings, UsageError> {
        var seed = SampleGenerator.defaultSeed
        if let text = parsed.value("seed") {
            guard let value = wholeNumber(text) else {
                return .failure(UsageError("invalid value \(TerminalSafe.quoted(text)) for '--seed'; expected a whole number from 0 to \(UInt64.max)"))
            }
            seed = value
        }
        var count = 1
        if let text = parsed.value("count") {
            guard let value = wholeNumber(text), value >= 1, value <= UInt64(Int.max) else {
                return .failure(UsageError("invalid value \(TerminalSafe.quoted(text)) for '--count'; expected a whole number of at least 1"))
            }
            count = Int(value)
        }
        if parsed.isSet("lifecycle") {
            if let other = ["event", "violate", "all-rules", "output-dir", "status", "media-type", "delete-type", "set"].first(where: parsed.isSet) {
                return .failure(UsageError("'--lifecycle' cannot be combined with '--\(other)': the log chooses every event and value"))
            }
            return .success(SampleSettings(mode: .lifecycle, event: nil, seed: seed, count: count,
                                           writer: SampleWriter(layout: parsed.isSet("pretty") ? .pretty : .compact)))
        }
        var event: EventSpec?
        if let name = parsed.value("event"), name != EventSpec.deleteMediaComplete.eventType {
            guard let spec = EventCatalog.spec(forEventType: name) else {
                return .failure(UsageError("unknown event \(TerminalSafe.quoted(name)); 'vodhook spec' lists them"))
            }
            if let other = ["media-type", "delete-type", "all-rules"].first(where: parsed.isSet) {
                return .failure(UsageError("'--\(other)' is about DeleteMediaComplete, not \(name)"))
            }
            event = spec
        }
        let writer = SampleWriter(layout: parsed.isSet("pretty") ? .pretty : .compact, event: event ?? .deleteMediaComplete)
        // The violation chooses the fields it needs; shaping them too could break a second rule.
        let shaping = ["status", "media-type", "delete-type", "set"].filter(parsed.isSet)
        if parsed.isSet("all-rules") {
            if let other = (["violate", "count"] + shaping).first(where: parsed.isSet) {
                return .failure(UsageError("'--all-rules' cannot be combined with '--\(other)'"))
            }
            return .success(SampleSettings(mode: .allRules(directory: parsed.value("output-dir")), event: event, seed: seed, count: 1, writer: writer))
        }
        if parsed.isSet("output-dir") {
            return .failure(UsageError("'--output-dir' goes with '--all-rules'"))
        }
        if let rule = parsed.value("violate") {
            if let other = shaping.first {
                return .failure(UsageError("'--violate' cannot be combined with '--\(other)': the violation chooses the fields it needs"))
            }
            return .success(SampleSettings(mode: .violate(rule), event: event, seed: seed, count: count, writer: writer))
        }
        var members: [SampleFields.Member] = []
        for assignment in parsed.values("set") {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                return .failure(UsageError("invalid value \(TerminalSafe.quoted(assignment)) for '--set'; expected FIELD=VALUE, such as MediaId=abc"))
            }
            let value = String(assignment[assignment.index(after: equals)...])
            members.append(SampleFields.Member(name: String(assignment[..<equals]), json: SampleFields.argumentValue(value)))
        }
        let choices = SampleChoices(status: parsed.value("status"), mediaType: parsed.value("media-type"), deleteType: parsed.value("delete-type"))
        return .success(SampleSettings(mode: .samples(choices, members), event: event, seed: seed, count: count, writer: writer))
    }

    /// Digits only: no sign, no spaces, no hex, so a typo is an error rather than a different seed.
    private static func wholeNumber(_ text: String) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return UInt64(text)
    }
}
