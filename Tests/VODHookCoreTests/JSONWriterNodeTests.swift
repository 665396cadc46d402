import Testing
import VODHookCore

/// Compares with a real ECMAScript engine; skipped with a reason when node
/// is not installed, since the property tests still cover the writer.
@Suite(.enabled(if: NodeReference.isAvailable, "node not found on PATH; skipping ECMAScript reference comparison"))
struct JSONWriterNodeTests {
    @Test func matchesNodeOnGeneratedDocuments() throws {
        var generator = RandomJSONGenerator(seed: 0x5752_4E31, finiteNumbers: true)
        let documents = (0..<1_000).map { _ in generator.text(of: generator.document(), style: .init()) }
        let references = try WriterNodeReference.outputs(for: documents)
        var mismatches = 0
        for (document, reference) in zip(documents, references) {
            var problems: [String] = []
            if try WriterHarness.canonical(document) != reference.canonical { problems.append("canonical") }
            // node's compact form has ECMAScript numbers, which it would
            // print differently from the source; from there the layouts must agree.
            if try WriterHarness.write(reference.compact, .compact) != reference.compact { problems.append("compact") }
            if try WriterHarness.write(reference.compact, .pretty) != reference.pretty { problems.append("pretty") }
            guard !problems.isEmpty else { continue }
            mismatches += 1
            if mismatches <= 5 { Issue.record("\(problems) differ for \(document)") }
        }
        #expect(mismatches == 0)
    }
}
