import Testing
@testable import VODHookCore

/// `JSONDocument.pointers(to:)` finds many pointers in one walk; it must
/// agree with RFC 6901 applied node by node.
@Suite struct PointerWalkTests {
    /// Every node's pointer by recursion over the tape: the definition.
    static func definition(_ document: JSONDocument, prefix: String) -> [String] {
        var pointers = Array(repeating: "", count: document.nodes.count)
        func visit(_ index: Int, _ pointer: String) {
            pointers[index] = pointer
            switch document[index].kind {
            case .object:
                for (key, value) in document.members(of: index) {
                    let member = pointer + "/" + JSONPointer.escape(document.string(key))
                    pointers[key] = member
                    visit(value, member)
                }
            case .array:
                for (ordinal, element) in document.elements(of: index).enumerated() {
                    visit(element, pointer + "/" + String(ordinal))
                }
            default: break
            }
        }
        visit(document.root, prefix)
        return pointers
    }

    @Test func everyNodeOfRandomDocuments() {
        var generator = RandomJSONText(seed: 0x6901)
        var parser = JSONParser()
        for round in 0..<300 {
            let text = generator.document()
            text.withUnsafeBytes { bytes in
                guard case .complete = parser.parseValue(in: bytes, from: 0, isFinal: true) else {
                    Issue.record("generated text does not parse")
                    return
                }
                let document = JSONDocument(bytes: bytes, baseOffset: 0, nodes: parser.tape)
                let prefix = round % 2 == 0 ? "" : "/7"
                let expected = Self.definition(document, prefix: prefix)
                #expect(document.pointers(to: Array(document.nodes.indices), prefix: prefix) == expected)
                // And for a sparse selection, the way findings ask.
                let some = document.nodes.indices.filter { _ in generator.chance(20) }
                #expect(document.pointers(to: some, prefix: prefix) == some.map { expected[$0] })
            }
        }
    }

    @Test(arguments: [
        (#"{"~1":{"/0":[0,{"":1}]}}"#, "/~01/~10/1/"),
        (#"{"a~/b":[[[true]]]}"#, "/a~0~1b/0/0/0"),
    ])
    func escapesInDeepPointers(_ text: String, _ deepest: String) {
        var parser = JSONParser()
        Array(text.utf8).withUnsafeBytes { bytes in
            _ = parser.parseValue(in: bytes, from: 0, isFinal: true)
            let document = JSONDocument(bytes: bytes, baseOffset: 0, nodes: parser.tape)
            #expect(document.pointer(to: document.nodes.count - 1) == deepest)
        }
    }
}
