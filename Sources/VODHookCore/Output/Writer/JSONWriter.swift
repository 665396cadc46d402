/// Serializes a parsed document back to JSON text: the normalized form
/// (`write`) keeps every value exactly as read, the RFC 8785 form
/// (`writeCanonical`) gives one spelling per value for hashing and signing.
///
/// Both append to a caller-owned buffer, so a caller writing a million
/// documents reuses one allocation. Neither adds a trailing newline.
public enum JSONWriter {
    /// Writes a document in the given layout. Numbers keep their source
    /// spelling byte for byte; strings get the minimal escaping of RFC 8785
    /// §3.2.2.2 (unescaped strings are copied, being minimal already).
    ///
    /// `topLevelOrder` moves the listed keys of a top-level object to the
    /// front, in list order (unlisted keys follow in source order; nested
    /// objects keep source order). It is prepared here on every call; when
    /// writing many documents, prepare a `KeyOrder` once and pass that instead.
    public static func write(
        _ document: JSONDocument, layout: JSONLayout, topLevelOrder: [String] = [], into output: inout [UInt8]
    ) {
        let order = topLevelOrder.isEmpty ? KeyOrder.source : KeyOrder(topLevelOrder)
        write(document, layout: layout, topLevelOrder: order, into: &output)
    }

    /// Same as the `[String]` form, with the key order prepared once by the caller.
    public static func write(
        _ document: JSONDocument, layout: JSONLayout, topLevelOrder: KeyOrder, into output: inout [UInt8]
    ) {
        if layout == .compact {
            if let verbatim = VerbatimCompact.bytes(of: document, order: topLevelOrder) {
                output.append(contentsOf: verbatim)
                return
            }
            if VerbatimCompact.appendReordered(document, order: topLevelOrder, into: &output) { return }
        }
        // Output grows geometrically on its own; reserving per call would
        // reallocate exactly, and repeatedly, when documents are appended in a row.
        _ = TapeWriter.write(
            document, pretty: layout == .pretty, canonical: false, topLevelOrder: topLevelOrder, into: &output)
    }

    /// Writes the RFC 8785 (JCS) form: keys sorted by UTF-16 code units at
    /// every level, numbers as ECMAScript prints them, minimal string
    /// escaping, no whitespace. Returns false, leaving `output` as it was,
    /// when a number has no IEEE 754 double value (e.g. `1e400`), since JCS
    /// cannot express it.
    public static func writeCanonical(_ document: JSONDocument, into output: inout [UInt8]) -> Bool {
        if FlatCanonical.write(document, into: &output) { return true }
        return TapeWriter.write(document, pretty: false, canonical: true, topLevelOrder: .source, into: &output)
    }

    /// Same, also appending to `numberChanges` every number whose canonical
    /// form is another value (rounded to a double, or to 0) and, when it
    /// returns false, the number it could not write.
    public static func writeCanonical(
        _ document: JSONDocument, into output: inout [UInt8], numberChanges: inout [CanonicalNumberChange]
    ) -> Bool {
        // A flat object in canonical spelling changes no number.
        if FlatCanonical.write(document, into: &output) { return true }
        var notes = CanonicalNumberNotes()
        let written = TapeWriter.write(document, pretty: false, canonical: true, topLevelOrder: .source, into: &output, numbers: &notes)
        if let unwritable = notes.unwritable {
            numberChanges.append(CanonicalNumberChange(.overflow, node: unwritable))
        } else if notes.someChanged {
            // Rare, so found again here rather than collected on the way.
            CanonicalNumberChange.append(changesIn: document, to: &numberChanges)
        }
        return written
    }
}
