import VODHookCore

/// The text view of `summary`: fixed-width columns (so a stream needs no
/// look-ahead to align), then a totals block.
struct SummaryTable {
    let style: TextStyle
    private static let widths = [24, 7, 27, 32, 52]

    func header() -> String {
        "  " + style.bold(cells(["EVENT TIME", "STATUS", "EVENT", "ID", "DETAILS"]) + "WHERE") + "\n"
    }

    func row(_ report: DocumentReport, fields: CallbackFields, line: Int, duplicateOf: String?) -> String {
        let (head, tail) = rowParts(report, fields: fields, line: line)
        return head + (duplicateOf.map(duplicateNote) ?? "") + tail
    }

    /// A row around its duplicate note, which only the reader of every
    /// earlier document can write: the part before it, and the part after.
    func rowParts(_ report: DocumentReport, fields: CallbackFields, line: Int) -> (head: String, tail: String) {
        let marker = report.isValid ? "  " : style.severity(.error, "✗") + " "
        // Each event's own key columns: DeleteMediaComplete's MediaType, DeleteType and ErrorCode, say.
        let details = fields.details.isEmpty ? "-" : Self.cell(fields.details.map { "\($0.name)=\($0.value)" }.joined(separator: " "), limit: 52)
        var head = marker + cells([fields.eventTime, fields.status, fields.eventType, fields.identity].map { $0.map { Self.cell($0) } ?? "-" } + [details])
        head += TerminalSafe.path(report.source) + ":\(line)"
        var tail = ""
        if !report.isValid {
            var rules: [String] = []
            for diagnostic in report.diagnostics where diagnostic.severity == .error && !rules.contains(diagnostic.rule.rawValue) {
                rules.append(diagnostic.rule.rawValue)
            }
            tail += "  " + style.severity(.error, "invalid: " + rules.joined(separator: ", "))
        }
        return (head, tail + "\n")
    }

    func duplicateNote(_ firstCopy: String) -> String { style.dim("  duplicate of \(firstCopy)") }

    /// "line 3" in the same source, "file.ndjson:3" in another.
    static func `where`(_ source: String, _ line: Int, relativeTo current: String) -> String {
        source == current ? "line \(line)" : "\(TerminalSafe.path(source)):\(line)"
    }

    /// The totals, then each event type's line. Lists read `value: count`,
    /// most frequent first; DeleteMediaComplete's own rows only when the
    /// log holds deletions.
    func totals(_ summary: SummaryTotals) -> String {
        let inexact = summary.distinctCountsAreExact ? "" : " (added up over parts not declared sharded by identity)"
        var rows: [(String, String)] = [
            ("documents", "\(summary.tally.documents)"),
            ("valid", "\(summary.tally.valid)"),
            ("invalid", "\(summary.tally.invalid)"),
            ("findings", [Self.plural(summary.tally.errors, "error"), Self.plural(summary.tally.warnings, "warning"), Self.plural(summary.tally.notes, "note")]
                .joined(separator: ", ")),
        ]
        rows.append(("event types", Self.counts(summary.eventTypes)))
        rows.append(("status", Self.counts(summary.status)))
        if summary.hasDeletions {
            rows.append(("media types", Self.counts(summary.mediaType)))
            rows.append(("delete types", Self.counts(summary.deleteType)))
        }
        rows.append(("error codes", Self.counts(summary.errorCodes)))
        rows.append(("first event", summary.firstEventTime.map { Self.cell($0) } ?? "-"))
        rows.append(("last event", summary.lastEventTime.map { Self.cell($0) } ?? "-"))
        rows.append(("duplicates", "\(summary.duplicates)" + inexact))
        rows.append(("distinct media", "\(summary.distinctMedia)" + inexact))
        var text = rows.map { style.bold($0.0.padded(to: 16)) + $0.1 }.joined(separator: "\n") + "\n"
        let events = summary.byEventType
        guard !events.isEmpty else { return text }
        text += "\n" + style.bold("by event type") + "\n"
        // Non-empty: checked above.
        let width = events.map { Self.cell($0.eventType).count }.max()! + 2
        for (name, event) in events {
            var parts = [Self.plural(event.documents, "document") + " (\(event.invalid) invalid)", "status " + Self.counts(event.status)]
            if !event.errorCodes.isEmpty { parts.append("error codes " + Self.counts(event.errorCodes)) }
            if !event.codes.isEmpty { parts.append("result codes " + Self.counts(event.codes)) }
            parts.append(Self.plural(event.duplicates, "duplicate"))
            if let identity = event.identity { parts.append("\(event.distinctIdentities) distinct \(identity)") }
            text += "  " + Self.cell(name).padded(to: width) + parts.joined(separator: "; ") + "\n"
        }
        return text
    }

    /// "1 note", "2 notes", "0 notes".
    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    private static func counts(_ values: CountedValues) -> String {
        values.isEmpty ? "-" : values.sorted.map { "\(cell($0.value)): \($0.count)" }.joined(separator: ", ")
    }

    /// A payload value made printable and kept to a sane width.
    static func cell(_ value: String, limit: Int = 40) -> String {
        var text = ""
        for scalar in value.unicodeScalars {
            TerminalSafe.append(scalar, to: &text)
            // Only `limit` are shown: a 100 MB value need not be escaped whole first.
            if text.unicodeScalars.count > limit { break }
        }
        if text.isEmpty { return "\"\"" }
        return text.unicodeScalars.count > limit ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit - 1))) + "…" : text
    }

    private func cells(_ values: [String]) -> String {
        zip(values, Self.widths).map { $0.padded(to: $1 + 2) }.joined()
    }
}
