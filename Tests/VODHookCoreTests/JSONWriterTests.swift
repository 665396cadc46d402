import Testing
import VODHookCore

@Suite struct JSONWriterTests {
    private let nested = #"""
         { "b" : [ 1 , { "c" : null , "d" : [ ] } , "x" ] ,
        "a" : { } , "e" : true,	"f": [[]], "g": {"h": false} }
        """#

    @Test func compactDropsAllWhitespace() throws {
        #expect(try WriterHarness.write(nested, .compact)
            == #"{"b":[1,{"c":null,"d":[]},"x"],"a":{},"e":true,"f":[[]],"g":{"h":false}}"#)
    }

    /// The layout of `JSON.stringify(v, null, 2)`, empty containers on one line.
    @Test func prettyIndentsByTwo() throws {
        let expected = """
            {
              "b": [
                1,
                {
                  "c": null,
                  "d": []
                },
                "x"
              ],
              "a": {},
              "e": true,
              "f": [
                []
              ],
              "g": {
                "h": false
              }
            }
            """
        #expect(try WriterHarness.write(nested, .pretty) == expected)
    }

    @Test func topLevelScalarsAndEmptyContainers() throws {
        for layout in JSONLayout.allCases {
            #expect(try WriterHarness.write(#" "s" "#, layout) == #""s""#)
            #expect(try WriterHarness.write(" -12.5e3 ", layout) == "-12.5e3")
            #expect(try WriterHarness.write("true", layout) == "true")
            #expect(try WriterHarness.write("false", layout) == "false")
            #expect(try WriterHarness.write("null", layout) == "null")
            #expect(try WriterHarness.write("{ }", layout) == "{}")
            #expect(try WriterHarness.write("[\n]", layout) == "[]")
        }
    }

    @Test func deepNestingNeedsNoRecursion() throws {
        let depth = 512
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try WriterHarness.write(text, .compact) == text)
        let objects = String(repeating: #"{"k":"#, count: depth - 1) + "0" + String(repeating: "}", count: depth - 1)
        #expect(try WriterHarness.write(objects, .compact) == objects)
        let pretty = try WriterHarness.write(objects, .pretty)
        #expect(pretty.hasPrefix("{\n  \"k\": {\n    \"k\": {\n"))
        #expect(pretty.contains("\n" + String(repeating: " ", count: 2 * (depth - 1)) + "\"k\": 0\n"))
        #expect(pretty.hasSuffix("\n    }\n  }\n}"))
        #expect(try WriterHarness.canonical(objects) == objects)
    }

    @Test func escapesAreDecodedAndMadeMinimal() throws {
        let input = #"""
            ["\u0041", "\/", "\u001F", "\ud83d\ude00", "\uD83D\uDE00", "a\"b\\c", "\b\f\n\r\t",
             "\u00e9\u20AC", "\u007f\u0080", "\u2028", "\u0000\u000b", "x\u0022y"]
            """#
        let expected = #"["A","/","\u001f","😀","😀","a\"b\\c","\b\f\n\r\t","é€","#
            + "\"\u{7F}\u{80}\",\"\u{2028}\","
            + #""\u0000\u000b","x\"y"]"#
        #expect(try WriterHarness.write(input, .compact) == expected)
    }

    /// Unescaped strings are already minimal, so their bytes pass through.
    @Test func unescapedStringsAreCopied() throws {
        let input = "[\"plain/é 😀 \u{7F}\u{2028}\u{FFFF}\u{10FFFF}\"]"
        #expect(try WriterHarness.write(input, .compact) == input)
    }

    @Test func escapedKeysAreDecoded() throws {
        #expect(try WriterHarness.write(#"{"k\u0065y": 1, "\t": 2}"#, .compact) == #"{"key":1,"\t":2}"#)
        #expect(try WriterHarness.write(#"{"k\u0065y": 1}"#, .pretty) == "{\n  \"key\": 1\n}")
    }

    @Test func numbersKeepTheirSpelling() throws {
        let hundredDigits = String(repeating: "1234567890", count: 10)
        let numbers = ["1e400", "-0", "1.50", hundredDigits, "-\(hundredDigits).000", "-0.0e-00", "1E+2", "0.1e1", "2e-3"]
        let input = "[ " + numbers.joined(separator: " , ") + " ]"
        #expect(try WriterHarness.write(input, .compact) == "[" + numbers.joined(separator: ",") + "]")
        #expect(try WriterHarness.write(input, .pretty) == "[\n  " + numbers.joined(separator: ",\n  ") + "\n]")
    }

    /// Output is staged in blocks: long runs, long strings and many small
    /// pieces must cross block boundaries intact.
    @Test func outputLargerThanOneBlock() throws {
        let long = String(repeating: "abcdefghij", count: 1_000)
        let input = #"[""# + long + #"\u0041\/"# + long + #"", ""# + long + #""]"#
        #expect(try WriterHarness.write(input, .compact) == #"[""# + long + "A/" + long + #"",""# + long + #""]"#)

        let many = (0..<3_000).map { "\"x\\u00\($0 % 2 == 0 ? "41" : "e9")\\/y\"" }
        let expected = (0..<3_000).map { "\"x\($0 % 2 == 0 ? "A" : "é")/y\"" }
        #expect(try WriterHarness.write("[" + many.joined(separator: ", ") + "]", .compact) == "[" + expected.joined(separator: ",") + "]")
        #expect(try WriterHarness.write("[" + many.joined(separator: ",") + "]", .pretty)
            == "[\n  " + expected.joined(separator: ",\n  ") + "\n]")
    }

    @Test func appendsToExistingOutput() throws {
        let output = try WriterHarness.withDocument(Array(#"{"a": [1]}"#.utf8)) { document in
            var output = Array("prefix\n".utf8)
            JSONWriter.write(document, layout: .compact, into: &output)
            JSONWriter.write(document, layout: .compact, into: &output)
            return String(decoding: output, as: UTF8.self)
        }
        #expect(output == #"prefix\#n{"a":[1]}{"a":[1]}"#)
    }
}
