import Testing
import VODHookCore

/// The pieces under the report formats and the rule configuration.
@Suite struct ReportingPieceTests {
    static func finding(_ rule: RuleID, _ severity: Severity, pointer: String = "", offset: Int = 0) -> Diagnostic {
        Diagnostic(severity, rule, "m", offset: offset, pointer: pointer)
    }

    @Test func neutralPolicyChangesNothing() {
        var findings = [Self.finding(.unknownField, .warning, pointer: "/AppId")]
        #expect(FindingPolicy().isNeutral)
        #expect(!FindingPolicy().apply(to: &findings, eventType: "DeleteMediaComplete"))
        #expect(findings == [Self.finding(.unknownField, .warning, pointer: "/AppId")])
    }

    @Test func disabledRulesAreDroppedAndSeveritiesChanged() {
        var findings = [Self.finding(.mediaIdFormat, .note), Self.finding(.unknownField, .warning), Self.finding(.jsonBOM, .warning)]
        let policy = FindingPolicy(severities: [.unknownField: .error], disabled: [.mediaIdFormat])
        #expect(policy.apply(to: &findings, eventType: nil))
        #expect(findings.map(\.rule) == [.unknownField, .jsonBOM])
        #expect(findings.map(\.severity) == [.error, .warning])
    }

    @Test func strictComesAfterTheSeverities() {
        var findings = [Self.finding(.mediaIdFormat, .note), Self.finding(.unknownField, .warning)]
        let policy = FindingPolicy(severities: [.mediaIdFormat: .warning, .unknownField: .note], strict: true)
        _ = policy.apply(to: &findings, eventType: nil)
        #expect(findings.map(\.severity) == [.error, .note])
    }

    @Test func allowedFieldsAreMatchedByEventTypeAndLastPointerToken() {
        var findings = [
            Self.finding(.unknownField, .warning, pointer: "/AppId"),
            Self.finding(.unknownField, .warning, pointer: "/3/App~1Id"),
            Self.finding(.unknownField, .warning, pointer: "/Other"),
            Self.finding(.invalidValue, .error, pointer: "/AppId"),
        ]
        let policy = FindingPolicy(allowedFields: ["DeleteMediaComplete": ["AppId", "App/Id"]])
        var other = findings
        _ = policy.apply(to: &findings, eventType: "DeleteMediaComplete")
        #expect(findings.map(\.pointer) == ["/Other", "/AppId"])
        _ = policy.apply(to: &other, eventType: "StreamTranscodeComplete")
        #expect(other.count == 4)
    }

    @Test(arguments: [
        ([0xFF, 0xFE, 0x7B, 0x00], "UTF-16LE text (with a byte-order mark)"),
        ([0xFE, 0xFF, 0x00, 0x7B], "UTF-16BE text (with a byte-order mark)"),
        ([0xFF, 0xFE, 0x00, 0x00, 0x7B, 0, 0, 0], "UTF-32LE text (with a byte-order mark)"),
        ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE text (with a byte-order mark)"),
        ([0x7B, 0x00, 0x22, 0x00], "UTF-16LE text"),
        ([0x00, 0x7B, 0x00, 0x22], "UTF-16BE text"),
        ([0x7B, 0x00, 0x00, 0x00], "UTF-32LE text"),
        ([0x00, 0x00, 0x00, 0x7B], "UTF-32BE text"),
        ([0x7B, 0x00], "UTF-16LE text"),
        ([0x1F, 0x8B, 0x08, 0x00], "gzip-compressed data"),
        ([0x28, 0xB5, 0x2F, 0xFD, 0x00], "zstd-compressed data"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data"),
        ([0x42, 0x5A, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59], "bzip2-compressed data"),
        ([0x50, 0x4B, 0x03, 0x04], "a zip archive"),
        ([0x7F, 0x45, 0x4C, 0x46, 0x02], "an ELF executable or object file"),
        ([0xCF, 0xFA, 0xED, 0xFE], "a Mach-O executable or object file"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], "binary data (a NUL byte at offset 8)"),
        (Array("%PDF-1.7\n".utf8) + [0x00], "binary data (a NUL byte at offset 9)"),
    ] as [([UInt8], String)])
    func foreignSourcesAreNamed(_ bytes: [UInt8], _ what: String) {
        #expect(ForeignSource.detect(bytes)?.what == what)
    }

    @Test(arguments: [
        Array(#"{"EventType":"DeleteMediaComplete"}"#.utf8), [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], [], [0x7B], Array("BZh is not bzip2".utf8),
        Array("POST / HTTP/1.1\r\n".utf8), Array(#"{"a":"b"}"#.utf8) + [0x0A, 0x00], Array(#" ["\#u{0}"]"#.utf8),
        [0x25] + Array(repeating: 0x20, count: ForeignSource.binaryWindow) + [0x00],
    ])
    func textSourcesAreNotForeign(_ bytes: [UInt8]) {
        #expect(ForeignSource.detect(bytes) == nil)
    }

    @Test func hintsNameOneReplacementOrNone() {
        #expect(SuggestedFix.replacement(in: #"did you mean "fail"?"#) == "fail")
        #expect(SuggestedFix.replacement(in: #"write "2026-11-28T08:20:44Z""#) == "2026-11-28T08:20:44Z")
        #expect(SuggestedFix.replacement(in: #"rename it to "MediaType"; VOD field names are case-sensitive"#) == "MediaType")
        #expect(SuggestedFix.replacement(in: #"did you mean "a\"b"?"#) == nil)
        #expect(SuggestedFix.replacement(in: "remove it: \"X\" is also present") == nil)
        #expect(SuggestedFix.replacement(in: "the format is yyyy-MM-ddTHH:mm:ssZ, in UTC") == nil)
    }

    @Test func xmlTextEscapesMarkupAndForbiddenCharacters() {
        var text: [UInt8] = []
        XMLText.appendText("a]]>b<&\"'\u{1}\u{1B}\u{FFFE}\nc", to: &text)
        #expect(String(decoding: text, as: UTF8.self) == "a]]&gt;b&lt;&amp;\"'\\u0001\\u001b\\ufffe\nc")
        var attribute: [UInt8] = []
        XMLText.appendAttribute("\"x'\ny", to: &attribute)
        #expect(String(decoding: attribute, as: UTF8.self) == "&quot;x&apos;\\ny")
    }

    @Test func artifactURIsAreRelativeAndEncoded() {
        #expect(ArtifactURI.make("Examples/docs-fail.json", workingDirectory: "/repo") == "Examples/docs-fail.json")
        #expect(ArtifactURI.make("./a b/c#.json", workingDirectory: "/repo") == "a%20b/c%23.json")
        #expect(ArtifactURI.make("/repo/sub/x.json", workingDirectory: "/repo") == "sub/x.json")
        #expect(ArtifactURI.make("/elsewhere/x.json", workingDirectory: "/repo") == "file:///elsewhere/x.json")
    }
}
