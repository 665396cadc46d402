/// `--violate RULE --event EVENT`: a sample of any event changed so that it
/// breaks one rule and nothing else, the way real producers get it wrong.
/// DeleteMediaComplete keeps its own violations (`Violation.all`).
public enum EventViolations {
    /// Whether a rule's payload is a whole source rather than a line of a stream.
    public static func isWholeSource(_ rule: RuleID) -> Bool { rule == .jsonBOM || rule == .noDocument }

    /// The payload, or nil when the rule cannot apply to the event (no
    /// such field or condition in its table).
    public static func payload(_ rule: RuleID, sampler: inout EventSampler, writer: SampleWriter) -> [UInt8]? {
        let event = sampler.event
        let top = event.object
        let failing: Bool? = switch rule {
        case .missingErrorOnFailure: true
        case .errorFieldsOnSuccess, .jsonEncoding: rule == .jsonEncoding ? (top.field(named: "ErrorMessage") != nil ? true : nil) : false
        default: nil
        }
        var fields = sampler.next(failing: failing)
        func text() -> [UInt8] { writer.written(fields.text) }
        func present(_ field: FieldSpec) -> Bool { fields.json(field.name) != nil }
        switch rule {
        case .jsonSyntax:
            var bytes = text()
            var end = bytes.lastIndex(of: UInt8(ascii: "}"))!
            while end > 0, [0x20, 0x0A].contains(bytes[end - 1]) { end -= 1 }
            bytes.insert(UInt8(ascii: ","), at: end)
            return bytes
        case .jsonEncoding:
            guard present(FieldSpec.errorMessage) else { return nil }
            fields.set("ErrorMessage", json: Violation.placeholder)
            let gbk: [UInt8] = [0xCA, 0xD3, 0xC6, 0xB5, 0xB2, 0xBB, 0xB4, 0xE6, 0xD4, 0xDA]
            return text().replacingFirst(Violation.placeholder, with: [0x22] + gbk + [0x22])
        case .jsonDepth:
            guard top.field(named: "Extend") != nil else { return nil }
            fields.set("Extend", json: Violation.placeholder)
            let depth = JSONParser.maxDepth
            let nested = [UInt8](repeating: UInt8(ascii: "["), count: depth) + [UInt8](repeating: UInt8(ascii: "]"), count: depth)
            return text().replacingFirst(Violation.placeholder, with: nested)
        case .jsonDuplicateKey:
            fields.append("Status", json: fields.json("Status")!)
        case .jsonBOM:
            return [0xEF, 0xBB, 0xBF] + text()
        case .noDocument:
            return []
        case .notAnObject:
            return writer.written(SampleFields.literal(String(decoding: fields.text, as: UTF8.self)))
        case .missingField:
            let required = top.fields.filter { $0.isRequired && $0.name != "EventType" }
            fields.remove(required[sampler.below(required.count)].name)
        case .wrongType:
            fields.set("EventTime", json: Array("1735689600".utf8))
        case .fieldNameCase:
            let names = fields.members.map(\.name).filter { $0 != "EventType" }
            let name = names[sampler.below(names.count)]
            fields.rename(name, to: name.prefix(1).lowercased() + name.dropFirst())
        case .notACallback:
            return Violation.all.first { $0.rule == .notACallback }.map { violation in
                var generator = SampleGenerator(seed: 1, choices: violation.base)
                return violation.payload(&generator, writer: writer)
            }
        case .lookAlike:
            return Violation.intelligentMediaServices(fields, eventType: event.eventType, writer: writer)
        case .unknownEventType:
            fields.set("EventType", string: event.eventType + "d")
        case .invalidValue:
            let choices = top.fields.filter { $0.allowedValues != nil && $0.name != "EventType" && present($0) }
            let field = choices[sampler.below(choices.count)]
            let value = String(decoding: fields.json(field.name)!.dropFirst().dropLast(), as: UTF8.self)
            let first = value.prefix(1)
            // Capitalized, or lowercased where the table capitalizes: the commonest slip.
            let changed = (first == first.uppercased() ? first.lowercased() : first.uppercased()) + value.dropFirst()
            guard field.valueVariants[changed] == nil else { return nil }
            fields.set(field.name, string: changed)
        case .invalidEventTime:
            let time = String(decoding: fields.json("EventTime")!.dropFirst().dropLast(), as: UTF8.self)
            fields.set("EventTime", string: time.dropLast() + "+08:00")
        case .emptyValue:
            let identityRequired = top.field(named: event.identity)?.isRequired ?? false
            fields.set(identityRequired ? event.identity : "EventTime", string: "")
        case .unknownField:
            fields.set(top.field(named: "AppId") == nil ? "AppId" : "UserData", string: top.field(named: "AppId") == nil ? "app-1000000" : "{}")
        case .errorFieldsOnSuccess, .missingErrorOnFailure:
            guard top.conditions.contains(where: { $0.rule == rule }), top.field(named: "ErrorCode") != nil else { return nil }
            if rule == .errorFieldsOnSuccess {
                let error = SampleValues.error(for: event.eventType, &sampler.random)
                fields.set("ErrorCode", string: error.code)
                fields.set("ErrorMessage", string: error.message)
            } else {
                fields.remove("ErrorCode")
            }
        case .mediaIdFormat:
            guard top.field(named: event.identity)?.format == .mediaId, let id = fields.json(event.identity) else { return nil }
            fields.set(event.identity, string: String(decoding: id.dropFirst().dropLast(), as: UTF8.self).prefix(28) + "****")
        case .urlFormat:
            guard let field = top.fields.first(where: { $0.format == .url && $0.type == .string }) else { return nil }
            fields.set(field.name, string: "outin-\(sampler.hexID()).oss-cn-shanghai.aliyuncs.com/\(sampler.hexID()).mp4")
        case .specDrift:
            if let field = top.fields.first(where: { !$0.valueVariants.isEmpty }) {
                fields.set(field.name, string: field.valueVariants.keys.sorted()[0])
            } else if let field = top.fields.first(where: { $0.typeVariant?.type == .numericString }) {
                fields.set(field.name, string: String(100 + sampler.below(1000)))
            } else {
                return nil
            }
        default:
            return nil
        }
        return text()
    }
}
