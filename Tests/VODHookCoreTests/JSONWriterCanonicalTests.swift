import Testing
import VODHookCore

@Suite struct JSONWriterCanonicalTests {
    /// RFC 8785 §3.2.2's input and §3.2.4's expected output.
    @Test func rfc8785SerializationExample() throws {
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50,
                          2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try WriterHarness.canonical(input) == expected)
    }

    /// RFC 8785 §3.2.3's sorting example: UTF-16 code unit order puts the
    /// emoji (a surrogate pair) before U+FB33.
    @Test func rfc8785SortingExample() throws {
        let input = #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#
        let expected = #"{"\r":"Carriage Return","1":"One","# + "\"\u{80}\":\"Control\","
            + #""ö":"Latin Small Letter O With Diaeresis","€":"Euro Sign","😀":"Emoji: Grinning Face","#
            + #""דּ":"Hebrew Letter Dalet With Dagesh"}"#
        #expect(try WriterHarness.canonical(input) == expected)
    }

    /// RFC 8785 Appendix B: IEEE 754 values and their JCS form.
    @Test func rfc8785NumberExamples() throws {
        let cases: [(UInt64, String)] = [
            (0x0000_0000_0000_0000, "0"), (0x8000_0000_0000_0000, "0"),
            (0x0000_0000_0000_0001, "5e-324"), (0x8000_0000_0000_0001, "-5e-324"),
            (0x7FEF_FFFF_FFFF_FFFF, "1.7976931348623157e+308"), (0xFFEF_FFFF_FFFF_FFFF, "-1.7976931348623157e+308"),
            (0x4340_0000_0000_0000, "9007199254740992"), (0xC340_0000_0000_0000, "-9007199254740992"),
            (0x4430_0000_0000_0000, "295147905179352830000"),
            (0x44B5_2D02_C7E1_4AF5, "9.999999999999997e+22"), (0x44B5_2D02_C7E1_4AF6, "1e+23"),
            (0x44B5_2D02_C7E1_4AF7, "1.0000000000000001e+23"),
            (0x444B_1AE4_D6E2_EF4E, "999999999999999700000"), (0x444B_1AE4_D6E2_EF4F, "999999999999999900000"),
            (0x444B_1AE4_D6E2_EF50, "1e+21"),
            (0x3EB0_C6F7_A0B5_ED8C, "9.999999999999997e-7"), (0x3EB0_C6F7_A0B5_ED8D, "0.000001"),
            (0x41B3_DE43_5555_5553, "333333333.3333332"), (0x41B3_DE43_5555_5554, "333333333.33333325"),
            (0x41B3_DE43_5555_5555, "333333333.3333333"), (0x41B3_DE43_5555_5556, "333333333.3333334"),
            (0x41B3_DE43_5555_5557, "333333333.33333343"),
            (0xBECB_F647_612F_3696, "-0.0000033333333333333333"), (0x4314_3FF3_C1CB_0959, "1424953923781206.2"),
        ]
        // Swift's description round-trips and is valid JSON for finite values.
        let input = "[" + cases.map { Double(bitPattern: $0.0).description }.joined(separator: ",") + "]"
        #expect(try WriterHarness.canonical(input) == "[" + cases.map(\.1).joined(separator: ",") + "]")
    }

    @Test func keysSortAtEveryLevelAndArraysKeepOrder() throws {
        let input = #"{"b": [ {"z": 1, "y": {"d": 0, "c": 0}} , 3, 1 ], "a": { }, "\u0061a": [] }"#
        #expect(try WriterHarness.canonical(input) == #"{"a":{},"aa":[],"b":[{"y":{"c":0,"d":0},"z":1},3,1]}"#)
    }

    /// Large objects take another sorting path than callback-sized ones.
    @Test func largeObjectsSortToo() throws {
        var random = SplitMix64(seed: 0x4C41_5247)
        let keys = (0..<200).map { "k\($0)\(["", "\u{E000}", "\u{1F600}", "é"][$0 % 4])" }
        let members = keys.shuffled(using: &random).map { "\"\($0)\": 1" }
        let sorted = keys.sorted { CanonicalOrder.precedes(Array($0.utf8), Array($1.utf8)) }
        let expected = "{" + sorted.map { "\"\($0)\":1" }.joined(separator: ",") + "}"
        #expect(try WriterHarness.canonical("{" + members.joined(separator: ",") + "}") == expected)
    }

    @Test func escapedKeysSortByDecodedText() throws {
        #expect(try WriterHarness.canonical(#"{"\u0062":1,"a":2,"\u0063":3}"#) == #"{"a":2,"b":1,"c":3}"#)
        #expect(try WriterHarness.canonical(#"{"\uE000":1,"\uD83D\uDE00":2}"#) == "{\"\u{1F600}\":2,\"\u{E000}\":1}")
    }

    @Test func duplicateKeysKeepSourceOrder() throws {
        #expect(try WriterHarness.canonical(#"{"b":0,"a":2,"a":1}"#, allowingFindings: true) == #"{"a":2,"a":1,"b":0}"#)
    }

    @Test func scalarsAtTopLevel() throws {
        #expect(try WriterHarness.canonical(" 4.50 ") == "4.5")
        #expect(try WriterHarness.canonical("-0") == "0")
        #expect(try WriterHarness.canonical(#""\u00e9\/""#) == #""é/""#)
        #expect(try WriterHarness.canonical("null") == "null")
    }

    /// JCS has no spelling for a value outside double range, so nothing is
    /// written, even after much of the document already was.
    @Test func unrepresentableNumbersWriteNothing() throws {
        for input in ["1e400", "-1e400", #"{"a":[1,2,{"b":"x","c":1E999}]}"#, #"["long string", 1e309]"#] {
            let result = try WriterHarness.withDocument(Array(input.utf8)) { document in
                var output = Array("kept".utf8)
                let written = JSONWriter.writeCanonical(document, into: &output)
                return (written, String(decoding: output, as: UTF8.self))
            }
            #expect(result.0 == false, "\(input)")
            #expect(result.1 == "kept", "\(input)")
        }
    }
}
