import Testing
@testable import VODHookCore

/// Every event of the catalog: its samples are clean, each rule that applies
/// to it has a payload breaking that rule alone, and the quick verdict agrees
/// with the full check on samples damaged at every depth.
@Suite struct EventCatalogTests {
    static let events = EventCatalog.events.map(\.eventType)
    static let lineRules = RuleCatalog.all.filter { $0.exampleFormat == .json && $0.id != .jsonSize && !EventViolations.isWholeSource($0.id) }.map(\.id)

    static func sampler(_ name: String, seed: UInt64) -> EventSampler {
        EventSampler(event: EventCatalog.spec(forEventType: name)!, seed: seed)
    }

    @Test(arguments: events)
    func samplesAreClean(_ name: String) throws {
        var sampler = Self.sampler(name, seed: 11)
        let writer = SampleWriter(layout: .compact, event: sampler.event)
        for _ in 0..<60 {
            let text = writer.written(sampler.next().text)
            let findings = try checkBody(String(decoding: text, as: UTF8.self))
            #expect(findings.isEmpty, "\(String(decoding: text, as: UTF8.self)): \(findings)")
        }
    }

    @Test(arguments: events)
    func eachApplicableRuleHasAPayloadBreakingItAlone(_ name: String) throws {
        var applicable = 0
        for rule in Self.lineRules {
            for seed: UInt64 in [1, 2, 3, 99] {
                var sampler = Self.sampler(name, seed: seed)
                let writer = SampleWriter(layout: .compact, event: sampler.event)
                guard let payload = EventViolations.payload(rule, sampler: &sampler, writer: writer) else { continue }
                if seed == 1 { applicable += 1 }
                let findings = try checkDocuments(payload + [0x0A]).first ?? []
                #expect(!findings.isEmpty && findings.allSatisfy { $0.rule == rule.rawValue }, "\(name) \(rule) seed \(seed): \(findings)")
            }
        }
        // The rules every event has: reader rules, missing, types, names, values, times, empties, unknown fields.
        #expect(applicable >= 12, "\(name): \(applicable) rules")
    }

    /// The scalar values a member is replaced with: each near an edge some check decides.
    static let damage = ["\"\"", "\" \"", "\"\\u00a0\"", "\"\u{3000}x\"", "null", "1", "1.5", "true", "{}", "[]", "\"x\"", "\"12\"",
                         "\"2017-03-20T07:49:17Z\"", "\"2017-03-20T07:49:17:025Z\"", "\"SUCCESS\"", "\"fail\"", "\"Failed\"", "\"http://a\""]

    /// Where a member's value starts and ends in compact JSON text, at any
    /// depth, skipping JSON text inside strings.
    static func memberValues(_ text: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        var inString = false
        while i < text.count {
            let byte = text[i]
            if inString {
                if byte == UInt8(ascii: "\\") { i += 2; continue }
                if byte == UInt8(ascii: "\"") { inString = false }
                i += 1
                continue
            }
            if byte == UInt8(ascii: "\"") { inString = true } else if byte == UInt8(ascii: ":") {
                let start = i + 1
                var end = start
                if text[start] == UInt8(ascii: "\"") {
                    end += 1
                    while text[end] != UInt8(ascii: "\"") { end += text[end] == UInt8(ascii: "\\") ? 2 : 1 }
                    end += 1
                } else {
                    var depth = 0
                    while end < text.count {
                        let c = text[end]
                        if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { depth += 1 }
                        if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") { if depth == 0 { break }; depth -= 1 }
                        if c == UInt8(ascii: ",") && depth == 0 { break }
                        end += 1
                    }
                }
                ranges.append(start..<end)
            }
            i += 1
        }
        return ranges
    }

    @Test(arguments: events)
    func quickVerdictAgreesWithTheFullCheck(_ name: String) throws {
        let validator = Validator()
        var random = SplitMix64(seed: 7)
        var sampler = Self.sampler(name, seed: 3)
        let writer = SampleWriter(layout: .compact, event: sampler.event)
        var passed = 0, clean = 0
        for round in 0..<300 {
            var text = writer.written(sampler.next().text)
            // Most documents damaged once, at any depth; some left whole.
            if round % 4 != 0 {
                let places = Self.memberValues(text)
                let place = places[Int.random(in: 0..<places.count, using: &random)]
                text.replaceSubrange(place, with: Array(Self.damage[Int.random(in: 0..<Self.damage.count, using: &random)].utf8))
            }
            let reader = DocumentReader(input: BytesInput(text), mode: .body)
            try reader.forEach { document in
                guard let json = document.json else { return }
                let full = validator.fullCheck(json, pointerPrefix: "")
                let quick = validator.quickVerdict(json)
                if full.diagnostics.isEmpty { clean += 1 }
                if quick != nil {
                    passed += 1
                    #expect(full.diagnostics.isEmpty, "\(String(decoding: text, as: UTF8.self)): \(full.diagnostics.map(\.message))")
                }
                let result = validator.validate(json)
                #expect(result.diagnostics == full.diagnostics)
            }
        }
        // Objects sent as JSON text always take the full check; the others mostly pass quickly.
        let jsonText = ["AIMediaDNAComplete", "AIVideoTagComplete"].contains(name)
        #expect(jsonText || passed * 10 >= clean * 8, "\(name): passed \(passed) of \(clean) clean documents")
    }

    /// Unicode White_Space is whitespace in both rules; U+FEFF is not White_Space.
    @Test(arguments: [("\u{00A0}", true), ("\u{2007}", true), ("\u{3000}", true), ("\u{FEFF}", false), ("  ", true)])
    func whitespaceIsUnicodeWhiteSpaceInBothRules(_ blank: String, _ isWhitespace: Bool) throws {
        let base = #"{"EventType":"DeleteMediaComplete","EventTime":"2017-03-20T07:49:17Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"ID"}"#
        for encoded in [blank, blank.unicodeScalars.map { "\\u" + String($0.value, radix: 16).leftPadded(to: 4) }.joined()] {
            let findings = try checkBody(base.replacing("ID", with: encoded))
            if isWhitespace {
                #expect(findings.map(\.rule) == ["empty-value"], "\(encoded): \(findings)")
                #expect(findings.first?.message.contains("holds only whitespace") == true)
            } else {
                // Not blank: the ID note says what it holds instead.
                #expect(findings.map(\.rule) == ["media-id-format"], "\(encoded): \(findings)")
                #expect(findings.first?.message.contains("holds characters other than") == true, "\(findings)")
            }
        }
        // The ID rule alone, on an optional-free ID check: same definition.
        var id = blank
        let problem = id.withUTF8 { MediaIdCheck.problem(in: UnsafeRawBufferPointer($0)) }
        #expect((problem == "it holds only whitespace") == isWhitespace, "\(problem ?? "nil")")
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
