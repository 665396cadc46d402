import Testing
import VODHookCore

/// `sample --violate RULE` must break that rule and nothing else: checked
/// here the way `vodhook check` reads a source, for many seeds and both layouts.
@Suite struct SampleViolationTests {
    /// Rules about a payload; the others are about captures and encodings, or
    /// (json-size) need a document hundreds of MiB long.
    static let ruleIDs = RuleCatalog.all.filter { $0.exampleFormat == .json && $0.id != .jsonSize }.map(\.id.rawValue)
    static let captureRuleIDs = RuleCatalog.all.filter { $0.exampleFormat != .json || $0.id == .jsonSize }.map(\.id.rawValue)
    static let seeds: [UInt64] = Array(0...24) + [SampleGenerator.defaultSeed, 2017, .max]

    static func payload(_ violation: Violation, seed: UInt64, layout: JSONLayout) -> [UInt8] {
        var generator = SampleGenerator(seed: seed, choices: violation.base)
        return violation.payload(&generator, writer: SampleWriter(layout: layout))
    }

    @Test(arguments: ruleIDs)
    func everyRuleHasAViolation(_ id: String) {
        #expect(Violation.forRule(RuleID(id)) != nil)
    }

    @Test(arguments: captureRuleIDs)
    func noPayloadBreaksACaptureRule(_ id: String) {
        #expect(Violation.forRule(RuleID(id)) == nil)
    }

    @Test func violationsFollowTheCatalogOrder() {
        #expect(Violation.all.map(\.rule.rawValue) == Self.ruleIDs)
    }

    @Test(arguments: ruleIDs, [JSONLayout.compact, .pretty])
    func violationBreaksOnlyItsRule(_ id: String, layout: JSONLayout) throws {
        let violation = try #require(Violation.forRule(RuleID(id)))
        let severity = RuleCatalog.severity(of: RuleID(id))
        for seed in Self.seeds {
            let bytes = Self.payload(violation, seed: seed, layout: layout) + [0x0A]
            // A log line's callback is an object: a payload that is none is no callback there.
            for mode in ReadingMode.allCases where mode != .log || bytes.first == UInt8(ascii: "{") {
                let documents = try checkDocuments(bytes, mode: mode)
                #expect(documents.count == 1, "seed \(seed), \(mode): \(documents)")
                let findings = documents.first ?? []
                #expect(!findings.isEmpty, "seed \(seed), \(mode): nothing found")
                #expect(findings.allSatisfy { $0.rule == id && $0.severity == severity }, "seed \(seed), \(mode): \(findings)")
            }
        }
    }

    @Test(arguments: [JSONLayout.compact, .pretty])
    func lineViolationsKeepTheirRuleInOneStream(_ layout: JSONLayout) throws {
        let lines = Violation.all.filter { !$0.wholeSource }
        for seed in Self.seeds.prefix(5) {
            var stream: [UInt8] = []
            for violation in lines { stream += Self.payload(violation, seed: seed, layout: layout) + [0x0A] }
            let documents = try checkDocuments(stream)
            #expect(documents.count == lines.count, "seed \(seed)")
            for (violation, findings) in zip(lines, documents) {
                #expect(!findings.isEmpty && findings.allSatisfy { $0.rule == violation.rule.rawValue }, "seed \(seed): \(violation.rule): \(findings)")
            }
        }
    }

    @Test func wholeSourceViolationsAreTheSourceRules() {
        #expect(Violation.all.filter(\.wholeSource).map(\.rule) == [.jsonBOM, .noDocument, .sourceEncoding])
    }

    @Test func payloadsDependOnlyOnTheSeed() {
        for violation in Violation.all where violation.rule != .noDocument {
            let first = Self.payload(violation, seed: 7, layout: .compact)
            #expect(first == Self.payload(violation, seed: 7, layout: .compact), "\(violation.rule)")
            #expect(first != Self.payload(violation, seed: 8, layout: .compact), "\(violation.rule)")
        }
    }
}
