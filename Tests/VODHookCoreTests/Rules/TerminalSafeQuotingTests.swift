import Testing
import VODHookCore

/// Messages quote payload text. Nothing quoted may act on a terminal or hide:
/// a value that looks like "success" but is not must look different.
@Suite struct TerminalSafeQuotingTests {
    @Test(arguments: [
        ("success", #""success""#),
        ("say \"hi\"", #""say \"hi\"""#),
        ("back\\slash", #""back\\slash""#),
        ("line\nbreak", #""line\nbreak""#),
        ("tab\there", #""tab\there""#),
        ("cr\r", #""cr\r""#),
        ("\u{1B}[2J", #""\u001b[2J""#),                  // ANSI clear screen
        ("\u{0}", #""\u0000""#),
        ("\u{7F}", #""\u007f""#),                        // DEL
        ("\u{85}", #""\u0085""#),                        // C1 next line
        ("\u{9B}31m", #""\u009b31m""#),                  // C1 CSI
        ("\u{202E}evil", #""\u202eevil""#),              // right-to-left override
        ("\u{2066}x\u{2069}", #""\u2066x\u2069""#),      // bidi isolates
        ("a\u{2028}b\u{2029}", #""a\u2028b\u2029""#),    // line and paragraph separators
        ("\u{FEFF}x", #""\ufeffx""#),                     // byte-order mark
        ("succ\u{200B}ess", #""succ\u200bess""#),        // zero-width space
        ("\u{200D}", #""\u200d""#),                       // zero-width joiner
        ("soft\u{AD}hyphen", #""soft\u00adhyphen""#),
        ("success\u{A0}", #""success\u00a0""#),          // no-break space looks like a space
        ("\u{3000}", #""\u3000""#),                       // ideographic space
        ("\u{E000}", #""\ue000""#),                       // private use
        ("a b", #""a b""#),                               // the plain space stays
        ("视频不存在", #""视频不存在""#),                    // printable text stays as it is
        ("Stätus", #""Stätus""#),
        ("😀", #""😀""#),
    ])
    func quotes(_ text: String, _ expected: String) {
        #expect(TerminalSafe.quoted(text) == expected)
    }

    @Test func nothingQuotedIsAControlOrInvisible() {
        var all = ""
        for value in UInt32(0)...0x3000 where !(0xD800...0xDFFF).contains(value) {
            all.unicodeScalars.append(Unicode.Scalar(value)!)
        }
        for scalar in TerminalSafe.quoted(all).unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned:
                Issue.record("\(scalar.value) printed raw")
            case .spaceSeparator where scalar != " ":
                Issue.record("\(scalar.value) printed raw")
            default:
                break
            }
        }
    }
}

/// Payload text in messages is cut short, so one huge value cannot flood a terminal or a CI log.
@Suite struct QuotedExcerptTests {
    @Test func shortTextIsQuotedWhole() {
        let text = String(repeating: "x", count: TerminalSafe.excerptLimit)
        #expect(TerminalSafe.quotedExcerpt(text) == TerminalSafe.quoted(text))
    }

    @Test func longTextIsCutAndSaysHowLongItWas() {
        let text = String(repeating: "视", count: 1_000_000)
        #expect(TerminalSafe.quotedExcerpt(text) == TerminalSafe.quoted(String(repeating: "视", count: 100)) + "... (1000000 characters)")
    }

    @Test func aHugeValueMakesAShortMessage() throws {
        let huge = String(repeating: "x", count: 1 << 20)
        let body = #"{"EventType":"DeleteMediaComplete","EventTime":"2017-03-20T07:49:17Z"#
            + huge + #"","Status":""# + huge + #"","MediaType":"video","DeleteType":"all","MediaId":""# + huge + #"",""# + huge + #"":1}"#
        let findings = try checkBody(body)
        #expect(findings.map(\.rule) == ["invalid-event-time", "invalid-value", "media-id-format", "unknown-field"])
        for finding in findings { #expect(finding.message.count < 400, "\(finding.message.prefix(200))") }
    }
}
