import Testing
@testable import VODHookCore

/// The reader against Python's `json` on seeded random texts, valid and
/// damaged: the same verdict, and for valid texts the same value.
@Suite struct PythonDifferentialTests {
    @Test func agreesWithPythonOnRandomTexts() throws {
        guard case .success = PythonReference.interpreter else {
            if case .failure(let unavailable) = PythonReference.interpreter {
                print("skipping the comparison with Python: \(unavailable.reason)")
            }
            return
        }
        var generator = RandomJSONText(seed: 0xD1FF)
        var texts: [[UInt8]] = []
        for index in 0..<3000 {
            let text = generator.document()
            texts.append(index % 2 == 0 ? text : generator.mutate(text))
        }
        let verdicts = try PythonReference.verdicts(on: texts)
        try #require(verdicts.count == texts.count)

        var agreedValid = 0
        for (text, python) in zip(texts, verdicts) {
            let outcome = ReaderHarness.readWithEveryBlockSize(text, mode: .body, sizes: [17, 1 << 20])
            let document = outcome.documents[0]
            let broken = document.findings.contains { [.jsonSyntax, .jsonEncoding, .jsonDepth, .noDocument, .sourceEncoding].contains($0.rule) }
            let repeats = document.findings.contains { $0.rule == .jsonDuplicateKey }
            let shown = String(decoding: text, as: UTF8.self).debugDescription
            guard let python else {
                #expect(broken, "Python rejects \(shown), the reader accepts it")
                continue
            }
            #expect(!broken, "Python accepts \(shown), the reader says \(document.findings.map(\.message))")
            guard !broken else { continue }
            agreedValid += 1
            #expect(document.value == python.canonical, "value of \(shown)")
            #expect(repeats == python.repeatsKey, "repeated keys in \(shown)")
        }
        // The comparison means little unless both kinds are well represented.
        #expect(agreedValid > 1200 && agreedValid < 2500)
    }
}
