import Testing
import VODHookCore

@Suite struct JSONWriterKeyOrderTests {
    private func compact(_ text: String, _ order: [String], allowingFindings: Bool = false) throws -> String {
        try WriterHarness.write(text, .compact, order: order, allowingFindings: allowingFindings)
    }

    @Test func listedKeysComeFirstInListOrder() throws {
        #expect(try compact(#"{"c":1,"b":2,"a":3}"#, ["a", "b"]) == #"{"a":3,"b":2,"c":1}"#)
    }

    @Test func missingNamesAreSkipped() throws {
        #expect(try compact(#"{"c":1,"b":2,"a":3}"#, ["z", "a", "y"]) == #"{"a":3,"c":1,"b":2}"#)
        #expect(try compact(#"{"c":1}"#, ["a", "b"]) == #"{"c":1}"#)
        #expect(try compact(#"{}"#, ["a"]) == #"{}"#)
    }

    @Test func unlistedKeysKeepSourceOrder() throws {
        #expect(try compact(#"{"x":1,"a":2,"y":3,"b":4,"w":5}"#, ["b", "a"]) == #"{"b":4,"a":2,"x":1,"y":3,"w":5}"#)
    }

    @Test func nestedObjectsKeepSourceOrder() throws {
        #expect(try compact(#"{"n":{"b":1,"a":{"b":2,"a":3}},"a":0}"#, ["a", "n", "b"])
            == #"{"a":0,"n":{"b":1,"a":{"b":2,"a":3}}}"#)
    }

    @Test func nonObjectRootsAreUntouched() throws {
        #expect(try compact(#"[{"b":1,"a":2}]"#, ["a"]) == #"[{"b":1,"a":2}]"#)
        #expect(try compact(#""a""#, ["a"]) == #""a""#)
    }

    @Test func escapedAndNonASCIIKeysMatchByDecodedText() throws {
        #expect(try compact(#"{"x":1,"\u0061":2}"#, ["a"]) == #"{"a":2,"x":1}"#)
        #expect(try compact(#"{"x":1,"\u00e9":2,"😀":3}"#, ["😀", "é"]) == #"{"😀":3,"é":2,"x":1}"#)
        // A prefix or extension of a name is a different key.
        #expect(try compact(#"{"ab":1,"a":2,"abc":3}"#, ["ab"]) == #"{"ab":1,"a":2,"abc":3}"#)
        #expect(try compact(#"{"abc":1,"a":2,"ab":3}"#, ["ab"]) == #"{"ab":3,"abc":1,"a":2}"#)
    }

    @Test func repeatedNamesAndDuplicateKeys() throws {
        #expect(try compact(#"{"b":1,"a":2}"#, ["a", "b", "a"]) == #"{"a":2,"b":1}"#)
        // Every member is written: a duplicated key keeps both values, in source order.
        #expect(try compact(#"{"b":1,"a":2,"b":3}"#, ["b"], allowingFindings: true) == #"{"b":1,"b":3,"a":2}"#)
    }

    @Test func prettyLayoutWithOrder() throws {
        let output = try WriterHarness.write(#"{"z":[1],"id":"x"}"#, .pretty, order: ["id"])
        #expect(output == "{\n  \"id\": \"x\",\n  \"z\": [\n    1\n  ]\n}")
    }

    @Test func preparedOrderMatchesNames() throws {
        let names = ["Status", "VideoId", "EventType"]
        let prepared = KeyOrder(names)
        let text = #"{"EventTime":"t","EventType":"e","VideoId":"v","Extend":{"b":1,"a":2},"Status":"s"}"#
        let (fromNames, fromPrepared) = try WriterHarness.withDocument(Array(text.utf8)) { document in
            var first: [UInt8] = []
            var second: [UInt8] = []
            JSONWriter.write(document, layout: .compact, topLevelOrder: names, into: &first)
            JSONWriter.write(document, layout: .compact, topLevelOrder: prepared, into: &second)
            return (first, second)
        }
        #expect(fromNames == fromPrepared)
        #expect(String(decoding: fromPrepared, as: UTF8.self)
            == #"{"Status":"s","VideoId":"v","EventType":"e","EventTime":"t","Extend":{"b":1,"a":2}}"#)
    }

    @Test func sourceOrderIsTheDefault() throws {
        let text = #"{"b":1,"a":2}"#
        let output = try WriterHarness.withDocument(Array(text.utf8)) { document in
            var output: [UInt8] = []
            JSONWriter.write(document, layout: .compact, topLevelOrder: .source, into: &output)
            return String(decoding: output, as: UTF8.self)
        }
        #expect(output == text)
        #expect(try compact(text, []) == text)
    }
}
