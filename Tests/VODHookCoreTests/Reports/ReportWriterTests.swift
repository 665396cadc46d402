import Testing
@testable import VODHookCore

/// The report writers' two halves against each other, and the stack-buffer
/// fast paths of the JSON record against the plain appends they replace.
@Suite struct ReportWriterTests {
    static let source: [UInt8] = Array("{\"EventType\":\"DeleteMediaComplete\"}\n{\"EventType\":\"X\"}\n".utf8)

    static func report(
        source: String = "calls.ndjson", index: Int = 2, eventType: String? = "DeleteMediaComplete",
        inferred: Bool = false, diagnostics: [Diagnostic] = []
    ) -> DocumentReport {
        DocumentReport(source: source, index: index, startOffset: 36, eventType: eventType, eventTypeInferred: inferred, diagnostics: diagnostics)
    }

    /// The record as written when committed: the source's head, the number, what `prepare` wrote.
    static func committed(_ report: DocumentReport, number: Int, writer: inout JSONRecordRenderer, signature: SignatureNote? = nil) -> String {
        let locator = MemoryLocator(Self.source)
        var prepared: [UInt8] = []
        writer.prepare(report, locator: locator, signature: signature, into: &prepared)
        var out: [UInt8] = []
        prepared.withUnsafeBytes { writer.writeDocument($0, number: number, source: report.source, counts: report.counts, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    static func rendered(_ report: DocumentReport, signature: SignatureNote? = nil) -> String {
        var out: [UInt8] = []
        JSONRecordRenderer().render(report, locator: MemoryLocator(Self.source), signature: signature, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func aValidRecordIsTheDocumentedOne() {
        var writer = JSONRecordRenderer()
        #expect(Self.committed(Self.report(), number: 2, writer: &writer)
            == "{\"source\":\"calls.ndjson\",\"document\":2,\"line\":2,\"column\":1,\"valid\":true,\"eventType\":\"DeleteMediaComplete\",\"diagnostics\":[]}\n")
    }

    static func cases() -> [DocumentReport] { [
        ReportWriterTests.report(),
        ReportWriterTests.report(eventType: nil),
        ReportWriterTests.report(eventType: "Delete\"Media\u{1B}Complete", inferred: true),
        ReportWriterTests.report(eventType: String(repeating: "LongEventName", count: 20)),
        ReportWriterTests.report(source: "dir/" + String(repeating: "a-very-long-name/", count: 40) + "x.ndjson"),
        ReportWriterTests.report(source: "we\"ird\\name", inferred: true,
                                 diagnostics: [Diagnostic(.error, .invalidValue, "bad 'x'", offset: 50, pointer: "/EventType", hint: "use a known event")]),
    ] }

    @Test(arguments: 0..<6)
    func committingEqualsRenderingWhole(_ index: Int) {
        let report = Self.cases()[index]
        var writer = JSONRecordRenderer()
        #expect(Self.committed(report, number: report.index, writer: &writer) == Self.rendered(report))
        // A second record of the same source reuses the escaped head.
        #expect(Self.committed(report, number: report.index, writer: &writer) == Self.rendered(report))
        let signature: SignatureNote = ("valid", 0)
        #expect(Self.committed(report, number: report.index, writer: &writer, signature: signature) == Self.rendered(report, signature: signature))
    }

    /// The slow paths (a name to escape, a source too long for the stack buffer) against a record spelt out field by field.
    @Test(arguments: 0..<6)
    func recordsAreTheFieldsSpeltOut(_ index: Int) {
        let report = Self.cases()[index]
        guard report.diagnostics.isEmpty else { return }
        func literal(_ text: String?) -> String {
            var out: [UInt8] = []
            JSONText.appendOptionalString(text, to: &out)
            return String(decoding: out, as: UTF8.self)
        }
        let expected = "{\"source\":\(literal(report.source)),\"document\":7,\"line\":2,\"column\":1,\"valid\":true,\"eventType\":\(literal(report.eventType))"
            + (report.eventTypeInferred ? ",\"eventTypeInferred\":true" : "") + ",\"diagnostics\":[]}\n"
        var writer = JSONRecordRenderer()
        #expect(Self.committed(report, number: 7, writer: &writer) == expected)
    }

    @Test func theSourceHeadFollowsTheSource() {
        var writer = JSONRecordRenderer()
        _ = Self.committed(Self.report(source: "a.ndjson"), number: 1, writer: &writer)
        #expect(Self.committed(Self.report(source: "b.ndjson"), number: 1, writer: &writer).hasPrefix("{\"source\":\"b.ndjson\",\"document\":1,"))
    }

    @Test(arguments: [0, 7, 9, 10, 99, 100, 12345, 999_999_999, Int.max, -1, -10, Int.min])
    func stackDecimalsAreTheNumbers(_ value: Int) {
        var out: [UInt8] = [UInt8(ascii: "<")]
        out.appendBuilt(capacity: 24) { bytes in bytes.put(decimal: value) }
        var plain: [UInt8] = [UInt8(ascii: "<")]
        plain.append(decimal: value)
        #expect(out == plain)
        #expect(String(decoding: out.dropFirst(), as: UTF8.self) == String(value))
    }

    @Test func junitNumbersTestCasesWhenCommittedAndGroupsThemBySource() {
        var writer = JUnitRenderer(runName: "vodhook check")
        let locator = MemoryLocator(Self.source)
        var out: [UInt8] = []
        for (number, source) in [(1, "a"), (2, "a"), (1, "b")] {
            var prepared: [UInt8] = []
            let report = Self.report(source: source, index: number)
            writer.prepare(report, locator: locator, signature: nil, into: &prepared)
            prepared.withUnsafeBytes { writer.writeDocument($0, number: number, source: source, counts: report.counts, into: &out) }
        }
        #expect(out.isEmpty, "JUnit's counts come first, so the document waits for the tail")
        writer.writeTail(into: &out)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.contains("<testsuites name=\"vodhook check\" tests=\"3\" failures=\"0\" errors=\"0\""))
        #expect(text.contains("<testsuite name=\"a\" tests=\"2\""))
        #expect(text.contains("<testcase name=\"document 2 (line 2, DeleteMediaComplete)\" classname=\"a\"/>"))
        #expect(text.contains("<testsuite name=\"b\" tests=\"1\""))
    }

    @Test func sarifDropsTheCommaOfTheRunsFirstResultOnly() {
        var writer = SARIFRenderer(toolVersion: "0.0.0", workingDirectory: nil)
        let locator = MemoryLocator(Self.source)
        let finding = Diagnostic(.error, .invalidValue, "bad", offset: 40, pointer: "/EventType")
        var out: [UInt8] = []
        for number in 1...2 {
            var prepared: [UInt8] = []
            let report = Self.report(index: number, diagnostics: [finding])
            writer.prepare(report, locator: locator, signature: nil, into: &prepared)
            prepared.withUnsafeBytes { writer.writeDocument($0, number: number, source: report.source, counts: report.counts, into: &out) }
        }
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.hasPrefix("\n{\"ruleId\":\"invalid-value\""))
        #expect(text.contains(",\n{\"ruleId\":\"invalid-value\""))
        #expect(!text.hasPrefix(","))
    }
}

/// `JSONText.isPlain`, eight bytes at a time, against the byte-at-a-time rule.
@Suite struct PlainTextTests {
    static func plainByteByByte(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    @Test func everyByteInEveryPlaceOfAWord() {
        for length in [1, 7, 8, 9, 16, 19] {
            for place in 0..<length {
                for byte in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[place] = byte
                    let plain = bytes.withUnsafeBufferPointer(JSONText.isPlain)
                    #expect(plain == Self.plainByteByByte(bytes), "byte \(byte) at \(place) of \(length)")
                }
            }
        }
    }

    @Test func neighboursDoNotHideOrInventABorrow() {
        // A zero-distance byte next to bytes one above or below the compared values.
        let tricky: [UInt8] = [0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0x00, 0x01]
        var generator = SplitMix64(seed: 25)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...24, using: &generator)).map { _ in tricky.randomElement(using: &generator)! }
            #expect(bytes.withUnsafeBufferPointer(JSONText.isPlain) == Self.plainByteByByte(bytes), "\(bytes)")
        }
    }
}
