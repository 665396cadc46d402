import Testing
import VODHookCore
@testable import VODHookCommands

/// The pipeline's reader leaves repeated keys to the checker, which looks
/// for them only in documents the quick verdict declines
/// (`DocumentReader.defersDuplicateKeys`). Every document must get the same
/// findings, in the same order, as from a reader that looks every time.
@Suite struct DeferredDuplicateKeyTests {
    static let valid = #"{"EventType":"DeleteMediaComplete","EventTime":"2026-11-28T08:00:01Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"10f6baa29bdf71f1bfc46733a78e0102"}"#
    /// A valid AIVideoTagComplete whose `OrigASRData` (an array of any
    /// values, which the quick verdict does not check member by member) holds `elements`.
    static func tagResult(_ elements: String) -> String {
        #"{"EventTime":"2025-10-09T13:21:25Z","EventType":"AIVideoTagComplete","JobId":"71bb54d8d101b5b9c34d0bff90150280","MediaId":"e099ec6cd7363ca585e7bb0f12278575","Status":"success","Code":"0","Message":"OK","Data":{"OrigASRData":["#
            + elements + #"],"Person":[{"Tag":"x"}]}}"#
    }

    static let sources: [String] = [
        valid + "\n" + valid.replacingFirst("\"Status\"", with: "\"Status\":\"fail\",\"Status\"") + "\n",
        valid.replacingFirst("\"MediaType\"", with: "\"Status\":\"success\",\"MediaType\"") + "\n",
        valid.replacingFirst("\"MediaId\"", with: "\"Medi\\u0061Id\":\"x\",\"MediaId\"") + "\n",
        // A byte-order mark's warning comes before the repeat; data after the value, after it.
        "\u{FEFF}" + valid.replacingFirst("\"Status\"", with: "\"Status\":1,\"Status\"") + " x\n" + valid + "\n",
        "[" + valid + "," + valid.replacingFirst("\"EventTime\"", with: "\"EventTime\":2,\"EventTime\"") + "]\n",
        tagResult(#"{"a":1,"b":2}"#) + "\n" + tagResult(#"{"a":1,"a":2}"#) + "\n" + tagResult(#"[{"t":[{"k":1,"k":1}]}]"#) + "\n",
        tagResult(#"1,"x",{"a":{"b":1,"b":2}}"#) + "\n" + tagResult(#"{"only":{"one":1}}"#) + "\n",
        #"{"a":1,"a":2}"# + "\n" + #"[{"b":1,"b":2}]"# + "\n" + #"{"EventType":"DeleteMediaComplete","EventType":"DeleteMediaComplete"}"# + "\n",
        "{\"a\":1,\n\"a\":2}\n{\"broken\":\n" + valid + "\n",
    ]

    static func reports(_ text: String, deferring: Bool, blockSize: Int) throws -> [[Diagnostic]] {
        let reader = DocumentReader(input: BytesInput(Array(text.utf8)), mode: .stream, blockSize: blockSize)
        reader.defersDuplicateKeys = deferring
        var checker = DocumentChecker(policy: FindingPolicy())
        var reports: [[Diagnostic]] = []
        try reader.forEach { (document: consuming ReadDocument) in
            if deferring {
                let item = checker.checked(document, source: "-", reader: reader)
                // What commands read besides the report: the reader's findings.
                reports.append(item.report.diagnostics)
                reports.append(item.document.findings)
            } else {
                reports.append(checker.report(for: document, source: "-", origin: nil).diagnostics)
                reports.append(document.findings)
            }
        }
        return reports
    }

    @Test(arguments: sources) func sameFindingsInSameOrder(_ text: String) throws {
        for blockSize in [16, 97, 1 << 16] {
            let eager = try Self.reports(text, deferring: false, blockSize: blockSize)
            let deferred = try Self.reports(text, deferring: true, blockSize: blockSize)
            #expect(deferred == eager, "block size \(blockSize)")
            #expect(eager.joined().contains { $0.rule == .jsonDuplicateKey }, "the source should repeat a key")
        }
    }

    /// A repeat inside a value of any shape is found although the rest of the document is valid.
    @Test func repeatInsideAnyShapedValueIsFound() throws {
        let reports = try Self.reports(Self.tagResult(#"{"a":1,"a":2}"#), deferring: true, blockSize: 1 << 16)
        #expect(reports.map { $0.map(\.rule) } == [[.jsonDuplicateKey], [.jsonDuplicateKey]])
        let clean = try Self.reports(Self.tagResult(#"{"a":1,"b":2}"#), deferring: true, blockSize: 1 << 16)
        #expect(clean == [[], []])
    }
}

private extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
