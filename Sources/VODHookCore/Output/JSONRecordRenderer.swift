/// One JSON object per document per line, for machines:
/// `{"source","document","line","column","valid","eventType",["eventTypeInferred",]"diagnostics":[...]}`.
/// The key set is versioned in the README; changing it is a breaking change.
public struct JSONRecordRenderer {
    private let recurring = EscapedStringCache()

    public init() {}

    /// `signature` adds `"signature"` (and `"keyIndex"` when valid) for `verify`.
    public func render(
        _ report: DocumentReport, locator: some SourceLocator,
        signature: (status: String, keyIndex: Int?)? = nil, into out: inout [UInt8]
    ) {
        appendHead(source: report.source, into: &out)
        out.append(decimal: report.index)
        appendTail(report, locator: locator, signature: signature, into: &out)
    }

    /// A record up to its document number, which only the reader of the
    /// whole source knows when parts of it are read on other threads.
    public func appendHead(source: String, into out: inout [UInt8]) {
        out.append("{\"source\":")
        recurring.append(source, to: &out)
        out.append(",\"document\":")
    }

    /// The rest of a record, after its document number.
    public func appendTail(
        _ report: DocumentReport, locator: some SourceLocator,
        signature: (status: String, keyIndex: Int?)? = nil, into out: inout [UInt8]
    ) {
        let start = locator.position(ofSourceOffset: report.startOffset)
        out.append(",\"line\":")
        out.append(decimal: start.line)
        out.append(",\"column\":")
        out.append(decimal: start.column)
        out.append(report.isValid ? ",\"valid\":true,\"eventType\":" : ",\"valid\":false,\"eventType\":")
        if let eventType = report.eventType { recurring.append(eventType, to: &out) } else { out.append("null") }
        // Only where it is so: nearly every record names its event exactly.
        if report.eventTypeInferred { out.append(",\"eventTypeInferred\":true") }
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
            out.append("{\"severity\":\"")
            out.append(string: diagnostic.severity.name)
            out.append("\",\"rule\":")
            JSONText.appendString(diagnostic.rule.rawValue, to: &out)
            out.append(",\"message\":")
            JSONText.appendString(diagnostic.message, to: &out)
            out.append(",\"pointer\":")
            JSONText.appendString(diagnostic.pointer, to: &out)
            out.append(",\"line\":")
            out.append(decimal: position.line)
            out.append(",\"column\":")
            out.append(decimal: position.column)
            out.append(",\"offset\":")
            out.append(decimal: diagnostic.offset)
            if let hint = diagnostic.hint {
                out.append(",\"help\":")
                JSONText.appendString(hint, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append("]}\n")
    }

    /// A path that could not be read: a record of document 0 (none was
    /// read) with the one finding, so machines see it beside the others.
    public func renderUnreadable(_ diagnostic: Diagnostic, path: String, into out: inout [UInt8]) {
        out.append("{\"source\":")
        JSONText.appendString(path, to: &out)
        out.append(",\"document\":0,\"line\":1,\"column\":1,\"valid\":false,\"eventType\":null,\"diagnostics\":[{\"severity\":\"")
        out.append(string: diagnostic.severity.name)
        out.append("\",\"rule\":")
        JSONText.appendString(diagnostic.rule.rawValue, to: &out)
        out.append(",\"message\":")
        JSONText.appendString(diagnostic.message, to: &out)
        out.append(",\"pointer\":\"\",\"line\":1,\"column\":1,\"offset\":0")
        if let hint = diagnostic.hint {
            out.append(",\"help\":")
            JSONText.appendString(hint, to: &out)
        }
        out.append("}]}\n")
    }
}
