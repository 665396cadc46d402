import Testing
@testable import VODHookCore

/// An order made from a field table orders nested objects and the objects
/// in arrays by their own tables, at every depth; other keys keep source order.
@Suite struct NestedKeyOrderTests {
    static let table = ObjectSpec([
        FieldSpec("A", .string, required: true, summary: ""),
        FieldSpec("List", .array(.object(ObjectSpec([
            FieldSpec("X", .string, required: false, summary: ""),
            FieldSpec("Inner", .object(ObjectSpec([FieldSpec("P", .integer, required: false, summary: ""), FieldSpec("Q", .integer, required: false, summary: "")])),
                      required: false, summary: ""),
            FieldSpec("Y", .string, required: false, summary: ""),
        ]))), required: false, summary: ""),
        FieldSpec("B", .string, required: false, summary: ""),
    ])

    static func write(_ text: String, _ layout: JSONLayout) throws -> String {
        var out: [UInt8] = []
        let reader = DocumentReader(input: BytesInput(Array(text.utf8)), mode: .body)
        try reader.forEach { document in
            JSONWriter.write(document.json!, layout: layout, topLevelOrder: KeyOrder(Self.table), into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func everyLevelFollowsItsTable() throws {
        let text = #"{"B":"b","z":0,"List":[{"Y":"y","Inner":{"Q":2,"o":0,"P":1},"X":"x"},{"Y":"y2"},3,{"X":"x3"}],"A":"a"}"#
        let expected = #"{"A":"a","List":[{"X":"x","Inner":{"P":1,"Q":2,"o":0},"Y":"y"},{"Y":"y2"},3,{"X":"x3"}],"B":"b","z":0}"#
        #expect(try Self.write(text, .compact) == expected)
        // Already in order, the output is the input.
        #expect(try Self.write(expected, .compact) == expected)
        #expect(try Self.write(text, .pretty).filter { !$0.isWhitespace } == expected)
    }

    @Test func objectsUnderUnlistedKeysKeepSourceOrder() throws {
        #expect(try Self.write(#"{"z":{"B":1,"A":2},"A":"a"}"#, .compact) == #"{"A":"a","z":{"B":1,"A":2}}"#)
    }

    @Test func theFingerprintIsThatOfTheWrittenForm() throws {
        let text = #"{"B":"b","List":[{"Y":"y","X":"x"}],"A":"a"}"#
        let reader = DocumentReader(input: BytesInput(Array(text.utf8)), mode: .body)
        try reader.forEach { document in
            var scratch: [UInt8] = []
            let fingerprint = Fingerprint(normalizing: document.json!, order: KeyOrder(Self.table), scratch: &scratch)
            var written: [UInt8] = []
            JSONWriter.write(document.json!, layout: .compact, topLevelOrder: KeyOrder(Self.table), into: &written)
            #expect(fingerprint == written.withUnsafeBytes { Fingerprint($0) })
        }
    }
}
