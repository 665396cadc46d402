import Testing
@testable import VODHookCore

/// Runs every fixture under `Fixtures/reader` with every block size.
@Suite struct ReaderFixtureTests {
    @Test(arguments: ReaderFixtures.all)
    func fixture(_ fixture: ReaderFixture) {
        let outcome = ReaderHarness.readWithEveryBlockSize(fixture.input, mode: fixture.mode)
        let documents = outcome.documents
        ReaderHarness.checkPositions(outcome, of: fixture.input)
        #expect(documents.count == fixture.documents ?? 1, "document count\n\(outcome)")
        #expect(documents.map(\.index) == documents.indices.map { $0 + 1 })
        for document in documents where !document.findings.contains(where: { $0.severity == .error }) {
            #expect(document.value != nil, "document \(document.index) has no error but no value either\n\(outcome)")
        }

        var actual: [ReaderFixture.Expectation] = []
        for document in documents {
            // Renderers print findings in source order; so do fixtures.
            let ordered = document.findings.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
            for (_, finding) in ordered {
                #expect(finding.severity == (finding.rule == .jsonBOM ? .warning : .error), "\(finding)")
                actual.append(.init(
                    document: document.index, rule: finding.rule.rawValue,
                    line: finding.position.line, column: finding.position.column,
                    pointer: finding.pointer, message: finding.message))
            }
        }
        // Pointer and message are compared only where the fixture names them.
        let comparable = zip(actual, fixture.expectations).map { actual, expected in
            var shown = actual
            if expected.pointer == nil { shown.pointer = nil }
            if expected.message == nil { shown.message = nil }
            return shown
        } + actual.dropFirst(fixture.expectations.count)
        #expect(comparable == fixture.expectations, "findings\n\(outcome)")

        for (index, value) in fixture.values.sorted(by: { $0.key < $1.key }) {
            #expect(documents.indices.contains(index - 1) && documents[index - 1].value == value, "value of document \(index)\n\(outcome)")
        }
        for (index, prefix) in fixture.prefixes.sorted(by: { $0.key < $1.key }) {
            #expect(documents.indices.contains(index - 1) && documents[index - 1].pointerPrefix == prefix, "prefix of document \(index)\n\(outcome)")
        }
        for (index, start) in fixture.starts.sorted(by: { $0.key < $1.key }) {
            #expect(documents.indices.contains(index - 1) && documents[index - 1].start == start, "start of document \(index)\n\(outcome)")
        }
    }
}
