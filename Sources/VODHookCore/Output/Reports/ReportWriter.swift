/// One report format (text, json, github, sarif, junit), written in two
/// halves so that documents can be rendered on the threads that read them
/// (`--jobs`) and still come out in document order:
///
/// - `prepare` renders what depends on the document alone. It may run on
///   any thread, for documents in any order, so it changes no state.
/// - The rest runs on the committing thread, in order: the head before the
///   first document, each document with its number (only this thread knows
///   it when parts of a source are read on several threads), a path that
///   yielded nothing to read, and the tail.
///
/// A new format is one type conforming to this protocol and one case of
/// the commands' `ReportFormat`.
public protocol ReportWriter {
    /// What comes before the first document: SARIF's run with the rule catalog.
    mutating func writeHead(into out: inout [UInt8])
    /// The document's part that needs nothing but the document. `signature`
    /// is verify's verdict on the request that carried it, for formats that show it.
    func prepare(_ report: DocumentReport, locator: any SourceLocator, signature: SignatureNote?, into arena: inout [UInt8])
    /// The document in its place: `prepared` is what `prepare` wrote,
    /// `number` its 1-based place in `source`.
    mutating func writeDocument(_ prepared: UnsafeRawBufferPointer, number: Int, source: String, counts: DocumentCounts, into out: inout [UInt8])
    /// A path that yielded nothing to read, as `finding` (the `unreadable-source`
    /// rule after the rule configuration). Text leaves it to the stderr line.
    mutating func writeUnreadable(_ finding: Diagnostic, path: String, into out: inout [UInt8])
    /// What comes after the last document: SARIF's tail, JUnit's whole document.
    mutating func writeTail(into out: inout [UInt8])
}

/// Verify's verdict on a request's signature, for the JSON record:
/// the status (`valid`, `missing`, ...) and which key matched.
public typealias SignatureNote = (status: String, keyIndex: Int?)

extension ReportWriter {
    public mutating func writeHead(into out: inout [UInt8]) {}

    /// Formats without a document number write what was prepared as it is.
    public mutating func writeDocument(_ prepared: UnsafeRawBufferPointer, number: Int, source: String, counts: DocumentCounts, into out: inout [UInt8]) {
        out.append(bytes: prepared)
    }

    public mutating func writeTail(into out: inout [UInt8]) {}
}
