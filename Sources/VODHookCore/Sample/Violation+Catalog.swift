extension Violation {
    /// One violation per rule, in the catalog's order.
    public static let all: [Violation] = readerViolations + specViolations

    /// A string the writer copies unchanged, for bytes it must not see.
    static let placeholder = SampleFields.literal("vodhook:placeholder")

    static let readerViolations: [Violation] = [
        Violation(.jsonSyntax) { callback, _, writer in
            // A comma after the last member: the classic hand-edited body.
            var bytes = writer.written(callback.fields.text)
            // The writer's own object, which always closes with a brace.
            var end = bytes.lastIndex(of: UInt8(ascii: "}"))!
            while end > 0, [0x20, 0x0A].contains(bytes[end - 1]) { end -= 1 }
            bytes.insert(UInt8(ascii: ","), at: end)
            return bytes
        },
        Violation(.jsonEncoding, base: SampleChoices(status: "fail", deleteType: "all")) { callback, _, writer in
            // The console's Chinese message for a missing video, re-encoded as
            // GBK on the way: bytes that are not UTF-8.
            var failed = callback
            failed.error = DeleteErrors.deleteVideo[0]
            var fields = failed.fields
            fields.set("ErrorMessage", json: placeholder)
            let gbk: [UInt8] = [0xCA, 0xD3, 0xC6, 0xB5, 0xB2, 0xBB, 0xB4, 0xE6, 0xD4, 0xDA]
            return writer.written(fields.text).replacingFirst(placeholder, with: [0x22] + gbk + [0x22])
        },
        Violation(.jsonDepth) { callback, _, writer in
            // Extend is where other VOD events echo user data; here it nests
            // one level past the limit (the callback object is the first level).
            var fields = callback.fields
            fields.set("Extend", json: placeholder)
            let depth = JSONParser.maxDepth
            let nested = [UInt8](repeating: UInt8(ascii: "["), count: depth) + [UInt8](repeating: UInt8(ascii: "]"), count: depth)
            return writer.written(fields.text).replacingFirst(placeholder, with: nested)
        },
        .editing(.jsonDuplicateKey) { fields, callback, _ in
            // The same value twice, so whichever copy a receiver keeps, only the repetition is wrong.
            fields.append("Status", json: SampleFields.literal(callback.status))
        },
        Violation(.jsonBOM, wholeSource: true) { callback, _, writer in
            [0xEF, 0xBB, 0xBF] + writer.written(callback.fields.text)
        },
        Violation(.noDocument, wholeSource: true) { _, _, _ in [] },
        // As a Windows editor saves it: UTF-16LE with a byte-order mark.
        Violation(.sourceEncoding, wholeSource: true) { callback, _, writer in
            [0xFF, 0xFE] + String(decoding: writer.written(callback.fields.text), as: UTF8.self).utf16.flatMap {
                [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)]
            }
        },
    ]

    static let specViolations: [Violation] = [
        Violation(.notAnObject) { callback, _, writer in
            // Encoded twice: the body is a JSON string holding the callback.
            writer.written(SampleFields.literal(String(decoding: callback.fields.text, as: UTF8.self)))
        },
        Violation(.notACallback) { _, generator, writer in
            // A project file a hook picked up with the callbacks.
            var fields = SampleFields()
            fields.set("name", string: "vod-receiver")
            fields.set("version", string: "1.\(generator.below(40)).\(generator.below(10))")
            fields.set("private", json: Array("true".utf8))
            return writer.written(fields.text)
        },
        Violation(.lookAlike) { callback, _, writer in
            // Intelligent Media Services' envelope around the same fields.
            Violation.intelligentMediaServices(callback.fields, eventType: "DeleteMediaComplete", writer: writer)
        },
        .editing(.missingField) { fields, _, generator in
            let required = EventSpec.deleteMediaComplete.fields.filter(\.isRequired)
            fields.remove(required[generator.below(required.count)].name)
        },
        .editing(.wrongType) { fields, callback, _ in
            // A UNIX time where VOD writes text: producers built on epoch clocks do this.
            fields.set("EventTime", json: Array(String(callback.eventTime).utf8))
        },
        .editing(.fieldNameCase) { fields, _, generator in
            // camelCase, as JavaScript producers write keys.
            let name = fields.members[generator.below(fields.members.count)].name
            fields.rename(name, to: name.prefix(1).lowercased() + name.dropFirst())
        },
        .editing(.unknownEventType) { fields, _, _ in
            fields.set("EventType", string: "DeleteMediaCompleted")
        },
        .editing(.invalidValue) { fields, callback, generator in
            // Capitalized, the commonest slip in enumerated values.
            let values = [("Status", callback.status), ("MediaType", callback.mediaType), ("DeleteType", callback.deleteType)]
            let (name, value) = values[generator.below(values.count)]
            fields.set(name, string: value.prefix(1).uppercased() + value.dropFirst())
        },
        .editing(.invalidEventTime) { fields, callback, _ in
            // The same instant in Beijing time with its offset, not in UTC with Z.
            var beijing = callback
            beijing.eventTime += 8 * 3600
            fields.set("EventTime", string: beijing.eventTimeText.dropLast() + "+08:00")
        },
        .editing(.emptyValue) { fields, _, _ in
            fields.set("MediaId", string: "")
        },
        .editing(.unknownField) { fields, _, _ in
            // AppId: real callbacks carry it though the page omits it; app-1000000 is the default application.
            fields.set("AppId", string: "app-1000000")
        },
        .editing(.jobIdsWithoutStream, base: SampleChoices(deleteType: "all")) { fields, _, generator in
            fields.set("JobIds", string: generator.hexID())
        },
        .editing(.errorFieldsOnSuccess, base: SampleChoices(status: "success")) { fields, callback, generator in
            // A producer that fills the error fields whatever the outcome.
            let errors = DeleteErrors.entries(forDeleteType: callback.deleteType)
            let error = errors[generator.below(errors.count)]
            fields.set("ErrorCode", string: error.code)
            fields.set("ErrorMessage", string: error.message)
        },
        .editing(.missingErrorOnFailure, base: SampleChoices(status: "fail")) { fields, _, _ in
            // The message survives, the code does not.
            fields.remove("ErrorCode")
        },
        .editing(.missingJobIdsOnStream, base: SampleChoices(deleteType: "stream")) { fields, _, _ in
            fields.remove("JobIds")
        },
        .editing(.mediaIdFormat) { fields, callback, _ in
            // Masked like the docs' examples: copied from the page, not from a real callback.
            fields.set("MediaId", string: callback.mediaId.prefix(28) + "****")
        },
        // DeleteMediaComplete has no URL and no field VOD sends in another
        // form, so these two break the rule in the event that has them.
        otherEvent(.urlFormat, .fileUploadComplete),
        otherEvent(.specDrift, .videoAnalysisComplete),
    ]

    /// A violation made on a sample of another event, seeded from the generator.
    static func otherEvent(_ rule: RuleID, _ event: EventSpec) -> Violation {
        Violation(rule) { _, generator, writer in
            var sampler = EventSampler(event: event, seed: UInt64(generator.below(Int.max)))
            return EventViolations.payload(rule, sampler: &sampler, writer: writer.forEvent(event))!
        }
    }
}

extension Violation {
    /// A callback's fields inside IMS's envelope: `UserId` and `MessageBody` (VOD-EVENTS.md §4).
    static func intelligentMediaServices(_ body: SampleFields, eventType: String, writer: SampleWriter) -> [UInt8] {
        var envelope = SampleFields()
        envelope.set("EventType", string: eventType)
        envelope.set("UserId", json: Array("1833220977560102".utf8))
        envelope.set("MessageBody", json: placeholder)
        return writer.written(envelope.text).replacingFirst(placeholder, with: writer.written(body.text))
    }
}
