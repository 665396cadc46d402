/// Draws realistic callbacks of any event from its spec: required fields
/// always, most optional ones, values by type, format and name, error
/// fields only on failure, and every condition of the spec kept, so a
/// sample is valid and `--violate` can break exactly one rule of it.
public struct EventSampler {
    public let event: EventSpec
    var random: SplitMix64
    private var clock: Int

    public init(event: EventSpec, seed: UInt64 = SampleGenerator.defaultSeed) {
        self.event = event
        random = SplitMix64(seed: seed)
        clock = SampleGenerator.firstInstant + random.below(365 * 86_400)
    }

    /// The next callback, at least a second after the previous one;
    /// `status` holds the outcome fixed ("success"/"fail", in the event's own case).
    public mutating func next(failing: Bool? = nil) -> SampleFields {
        clock += 1 + random.below(300)
        // Uploads send no event on failure (VOD-EVENTS.md R13): only events with error fields fail.
        let canFail = event.object.field(named: "ErrorCode") != nil || event.object.field(named: "Code") != nil
        let draw = random.below(20) < 3
        let fails = failing ?? (canFail && draw)
        return object(event.object, fails: fails, topLevel: true)
    }

    public mutating func hexID() -> String { random.hexID() }

    public mutating func below(_ bound: Int) -> Int { random.below(bound) }

    private mutating func object(_ spec: ObjectSpec, fails: Bool, topLevel: Bool) -> SampleFields {
        var fields = SampleFields()
        let errorFields: Set = ["ErrorCode", "ErrorMessage"]
        let definition = SampleValues.definitions[random.below(SampleValues.definitions.count)]
        for field in spec.fields {
            if errorFields.contains(field.name) { continue }
            // Most optional fields, so samples look like real payloads, not the minimum.
            if !field.isRequired && random.below(10) >= 7 && !["Status", "StreamInfos", "SnapshotInfos", "Data"].contains(field.name) { continue }
            if fails && ["CoverUrl", "SnapshotInfos", "DynamicImageJobInfo", "StreamFileURL", "RestoreExpiration"].contains(field.name) { continue }
            fields.set(field.name, json: value(field, fails: fails, definition: definition))
        }
        if fails, let status = spec.field(named: "Status")?.allowedValues, status.count == 2, spec.field(named: "ErrorCode") != nil {
            let error = SampleValues.error(for: event.eventType, &random)
            fields.set("ErrorCode", string: error.code)
            fields.set("ErrorMessage", string: error.message)
        }
        keepConditions(spec, &fields)
        keepTimesInOrder(&fields)
        return fields
    }

    /// A time drawn for `...StartTime` and one for `...FinishTime` or
    /// `...EndTime` each fall in the ten minutes before the event; a job
    /// cannot finish before it starts, so the earlier of the two is the start.
    private func keepTimesInOrder(_ fields: inout SampleFields) {
        for name in fields.members.map(\.name) where name.hasSuffix("StartTime") {
            let stem = String(name.dropLast("StartTime".count))
            for endName in [stem + "FinishTime", stem + "EndTime"] {
                // Both are literals of one format, so text order is time order.
                guard let start = fields.json(name), let end = fields.json(endName), end.lexicographicallyPrecedes(start) else { continue }
                fields.set(name, json: end)
                fields.set(endName, json: start)
            }
        }
    }

    /// Adds or drops what the spec's conditions ask, so the sample breaks none.
    private mutating func keepConditions(_ spec: ObjectSpec, _ fields: inout SampleFields) {
        for condition in spec.conditions {
            guard let json = fields.json(condition.field), let governing = spec.field(named: condition.field) else { continue }
            let value = String(decoding: json.dropFirst().dropLast(), as: UTF8.self)
            let holds = switch condition.trigger {
            case .equals(let expected): value == expected
            case .differsFrom(let other): value != other && (governing.allowedValues ?? []).contains(value)
            }
            guard holds else { continue }
            for subject in condition.subjects {
                if condition.expectation == .absent {
                    fields.remove(subject)
                } else if fields.json(subject) == nil, let field = spec.field(named: subject) {
                    fields.set(subject, json: self.value(field, fails: false, definition: SampleValues.definitions[0]))
                }
            }
        }
    }

    private mutating func value(_ field: FieldSpec, fails: Bool, definition: (name: String, width: Int, height: Int, bitrate: Int)) -> [UInt8] {
        if field.name == "EventType" { return SampleFields.literal(event.eventType) }
        if field.name == "Status", let allowed = field.allowedValues {
            return SampleFields.literal(fails ? allowed[1] : allowed[0])
        }
        switch field.type {
        case .string:
            if let allowed = field.allowedValues { return SampleFields.literal(allowed[random.below(allowed.count)]) }
            switch field.format {
            case .eventTime, .eventTimeWithMillis:
                let offset = field.name == "EventTime" ? 0 : -random.below(600)
                return SampleFields.literal(EventTimeCalendar.text(secondsSinceEpoch: clock + offset)!)
            case .mediaId: return SampleFields.literal(hexID())
            case .url: return SampleFields.literal(SampleValues.url(field.name, &random))
            case nil:
                if field.name == "Definition" { return SampleFields.literal(definition.name) }
                return SampleFields.literal(SampleValues.text(field.name, &random))
            }
        case .numericString:
            return SampleFields.literal(number(field.name, definition: definition, text: true))
        case .integer, .number:
            return Array(number(field.name, definition: definition, text: false).utf8)
        case .boolean:
            return Array((random.below(5) == 0 && field.name == "Encrypt" ? "true" : "false").utf8)
        case .object(let spec), .objectOrJSONString(let spec):
            let inner = object(spec, fails: fails, topLevel: false)
            // The AI events' DNA and tag results come as JSON text, as the docs show.
            if case .objectOrJSONString = field.type, ["AIMediaDNAComplete", "AIVideoTagComplete"].contains(event.eventType) {
                return SampleFields.literal(String(decoding: inner.text, as: UTF8.self))
            }
            return inner.text
        case .array(let element):
            let count = 1 + random.below(3)
            var out: [UInt8] = [UInt8(ascii: "[")]
            for index in 0..<count {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                switch element {
                case .object(let spec), .objectOrJSONString(let spec):
                    out += object(spec, fails: false, topLevel: false).text
                case .numericString:
                    out += SampleFields.literal(String(1000 * (index + 1) + random.below(900)))
                default:
                    out += SampleFields.literal(SampleValues.text(field.name, &random))
                }
            }
            return out + [UInt8(ascii: "]")]
        case .any:
            return Array("[]".utf8)
        }
    }

    private mutating func number(_ name: String, definition: (name: String, width: Int, height: Int, bitrate: Int), text: Bool) -> String {
        switch name {
        case "Width": return String(definition.width)
        case "Height": return String(definition.height)
        case "Bitrate": return String(definition.bitrate + random.below(100))
        case "Fps": return ["25", "30"][random.below(2)]
        case "Duration": return String(10 + random.below(600)) + ".0"
        case "Size", "FileSize": return String(100_000 + random.below(50_000_000))
        case "SnapshotCount", "Count": return String(1 + random.below(20))
        case "MaxScore", "AverageScore", "Score", "Similarity": return String(random.below(100)) + "." + String(random.below(90) + 10)
        default: return String(random.below(100_000))
        }
    }
}
