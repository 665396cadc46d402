import Testing
@testable import VODHookCore

/// The one-pass pointers that keep many findings in one document linear
/// give what the walk from the root gives, for every node.
@Suite struct PointerTests {
    @Test func onePassPointersMatchTheWalkFromTheRoot() throws {
        var random = SplitMix64(seed: 0x9017)
        let keys = ["a", "b/c", "d~e", "", "\\u00e9", "\\u001b"]
        for _ in 0..<300 {
            var text = ""
            func value(_ depth: Int) {
                switch depth > 3 ? 0 : Int.random(in: 0..<4, using: &random) {
                case 1:
                    text += "["
                    for index in 0..<Int.random(in: 0..<4, using: &random) {
                        if index > 0 { text += "," }
                        value(depth + 1)
                    }
                    text += "]"
                case 2:
                    text += "{"
                    for index in 0..<Int.random(in: 0..<4, using: &random) {
                        if index > 0 { text += "," }
                        text += "\"\(keys.randomElement(using: &random)!)\":"
                        value(depth + 1)
                    }
                    text += "}"
                default: text += "1"
                }
            }
            value(0)
            let reader = DocumentReader(input: BytesInput(text), mode: .body)
            try reader.forEach { document in
                guard let json = document.json else { return }
                let targets = Array(json.nodes.indices).shuffled(using: &random)
                let pointers = json.pointers(to: targets, prefix: "/9")
                for (target, pointer) in zip(targets, pointers) {
                    #expect(pointer == json.pointer(to: target, prefix: "/9"), "\(text) node \(target)")
                }
            }
        }
    }

    @Test func duplicateKeysAreFoundWithTheirPointers() throws {
        let findings = try checkBody(#"[{"x":1,"x":2},{"a":{"y/":1,"y\u002f":2}},{"z":0,"z":0,"z":0}]"#)
        let pointers = findings.filter { $0.rule == "json-duplicate-key" }.map(\.pointer)
        #expect(pointers == ["/0/x", "/1/a/y~1", "/2/z", "/2/z"])
    }

    @Test func validatorPointersNameTheMember() throws {
        let findings = try checkBody(#"{"EventType":"DeleteMediaComplete","a/b~c":1,"Status":7}"#)
        #expect(findings.first { $0.rule == "unknown-field" }?.pointer == "/a~1b~0c")
        #expect(findings.first { $0.rule == "wrong-type" }?.pointer == "/Status")
    }
}
