/// One JSON object per document per line, for machines:
/// `{"source","document","line","column","valid","eventType",["eventTypeInferred",]"diagnostics":[...]}`.
/// The key set is versioned in the README; changing it is a breaking change.
public struct JSONRecordRenderer: ReportWriter {
    /// The record's start up to its document number, `{"source":...,"document":`,
    /// for the source of the last document written: the same for every
    /// record of a source, so it is escaped once. A reference, so the
    /// writer fits an existential's inline buffer: a boxed one is checked
    /// for uniqueness on every mutating call (this and the eight-byte name
    /// check took 174 instructions off a record, BENCHMARKS.md).
    private var sourceHead: SourceHead?

    private final class SourceHead {
        let source: String
        let bytes: [UInt8]

        init(_ source: String) {
            self.source = source
            var bytes: [UInt8] = []
            JSONRecordRenderer.appendSourceHead(source, to: &bytes)
            self.bytes = bytes
        }
    }

    public init() {}

    /// A whole record, numbered as `report.index` says (listen's and verify's, which read one thread).
    /// `signature` adds `"signature"` (and `"keyIndex"` when valid).
    public func render(_ report: DocumentReport, locator: any SourceLocator, signature: SignatureNote? = nil, into out: inout [UInt8]) {
        Self.appendSourceHead(report.source, to: &out)
        out.append(decimal: report.index)
        prepare(report, locator: locator, signature: signature, into: &out)
    }

    /// The record after its document number.
    public func prepare(_ report: DocumentReport, locator: any SourceLocator, signature: SignatureNote?, into arena: inout [UInt8]) {
        let start = locator.position(ofSourceOffset: report.startOffset)
        // Nearly every record is a valid document's, whose fields after the
        // number fit the stack buffer: one array append instead of one a
        // field (with the writer protocol, 9,271 -> 8,287 instructions a
        // document, BENCHMARKS.md). Room: at most 228 bytes with a name of
        // `eventTypeLimit` bytes.
        let closed = signature == nil && report.diagnostics.isEmpty
        let eventTypeWritten = arena.appendBuilt(capacity: Self.fixedFieldsCapacity) { bytes in
            bytes.put(",\"line\":")
            bytes.put(decimal: start.line)
            bytes.put(",\"column\":")
            bytes.put(decimal: start.column)
            bytes.put(report.isValid ? ",\"valid\":true,\"eventType\":" : ",\"valid\":false,\"eventType\":")
            guard Self.putEventType(report.eventType, into: &bytes) else { return false }
            if report.eventTypeInferred { bytes.put(",\"eventTypeInferred\":true") }
            if closed { bytes.put(",\"diagnostics\":[]}\n") }
            return true
        }
        if !eventTypeWritten {
            JSONText.appendOptionalString(report.eventType, to: &arena)
            if report.eventTypeInferred { arena.append(",\"eventTypeInferred\":true") }
            if closed { arena.append(",\"diagnostics\":[]}\n") }
        }
        if !closed { appendFindings(report, locator: locator, signature: signature, into: &arena) }
    }

    /// Room for the fields up to the findings with an event type of `eventTypeLimit` bytes.
    private static let eventTypeLimit = 96
    private static let fixedFieldsCapacity = 256

    /// The event type's literal when it needs no escape and is short (every
    /// catalog name); false when it is left to `JSONText`.
    @inline(__always)
    private static func putEventType(_ eventType: String?, into bytes: inout StackBytes) -> Bool {
        guard let eventType else {
            bytes.put("null")
            return true
        }
        return eventType.utf8.withContiguousStorageIfAvailable { utf8 in
            guard utf8.count <= eventTypeLimit, JSONText.isPlain(utf8) else { return false }
            bytes.put(UInt8(ascii: "\""))
            bytes.put(utf8)
            bytes.put(UInt8(ascii: "\""))
            return true
        } ?? false
    }

    private func appendFindings(_ report: DocumentReport, locator: any SourceLocator, signature: SignatureNote?, into out: inout [UInt8]) {
        if let signature {
            out.append(",\"signature\":")
            JSONText.appendString(signature.status, to: &out)
            if let keyIndex = signature.keyIndex {
                out.append(",\"keyIndex\":")
                out.append(decimal: keyIndex)
            }
        }
        out.append(",\"diagnostics\":[")
        for (index, diagnostic) in report.diagnostics.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            let position = locator.position(ofSourceOffset: diagnostic.offset)
            Self.appendDiagnostic(diagnostic, line: position.line, column: position.column, into: &out)
        }
        out.append("]}\n")
    }

    /// One finding as a record's `diagnostics` list holds it.
    private static func appendDiagnostic(_ diagnostic: Diagnostic, line: Int, column: Int, into out: inout [UInt8]) {
        out.append("{\"severity\":\"")
        out.append(string: diagnostic.severity.name)
        out.append("\",\"rule\":")
        JSONText.appendString(diagnostic.rule.rawValue, to: &out)
        out.append(",\"message\":")
        JSONText.appendString(diagnostic.message, to: &out)
        out.append(",\"pointer\":")
        JSONText.appendString(diagnostic.pointer, to: &out)
        out.append(",\"line\":")
        out.append(decimal: line)
        out.append(",\"column\":")
        out.append(decimal: column)
        out.append(",\"offset\":")
        out.append(decimal: diagnostic.offset)
        if let hint = diagnostic.hint {
            out.append(",\"help\":")
            JSONText.appendString(hint, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// The source's head, the number and the prepared rest, in one append when they fit the stack buffer.
    public mutating func writeDocument(_ prepared: UnsafeRawBufferPointer, number: Int, source: String, counts: DocumentCounts, into out: inout [UInt8]) {
        if sourceHead?.source != source { sourceHead = SourceHead(source) }
        let head = sourceHead!.bytes
        guard head.count + 20 + prepared.count <= Self.recordCapacity else {
            out.append(contentsOf: head)
            out.append(decimal: number)
            out.append(bytes: prepared)
            return
        }
        head.withUnsafeBufferPointer { head in
            out.appendBuilt(capacity: Self.recordCapacity) { bytes in
                bytes.put(head)
                bytes.put(decimal: number)
                bytes.put(prepared.assumingMemoryBound(to: UInt8.self))
            }
        }
    }

    private static let recordCapacity = 512

    fileprivate static func appendSourceHead(_ source: String, to out: inout [UInt8]) {
        out.append("{\"source\":")
        JSONText.appendString(source, to: &out)
        out.append(",\"document\":")
    }

    /// A path that could not be read: a record of document 0 (none was
    /// read) with the one finding, so machines see it beside the others.
    public func writeUnreadable(_ diagnostic: Diagnostic, path: String, into out: inout [UInt8]) {
        out.append("{\"source\":")
        JSONText.appendString(path, to: &out)
        out.append(",\"document\":0,\"line\":1,\"column\":1,\"valid\":false,\"eventType\":null,\"diagnostics\":[")
        // Nothing was read: the finding sits at the source's start (its offset 0, no pointer).
        Self.appendDiagnostic(diagnostic, line: 1, column: 1, into: &out)
        out.append("]}\n")
    }
}
