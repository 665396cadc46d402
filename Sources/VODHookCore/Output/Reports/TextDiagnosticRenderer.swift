/// Compiler-style findings: a `path:line:col: severity: message [rule]` line
/// that editors and CI parse, then the source line with a line-number gutter
/// and a marker under the column, then the hint.
public struct TextDiagnosticRenderer: ReportWriter {
    public let style: TextStyle
    /// Display columns of source shown on each side of the marker: 60, or
    /// what fits the terminal beside the gutter and the two "...".
    let window: Int

    public init(style: TextStyle) {
        self.style = style
        // Room for a six-digit line number and " | ", and "..." at each end.
        window = style.columns.map { max(10, ($0 - 9 - 6) / 2) } ?? 60
    }

    public func render(_ report: DocumentReport, locator: some SourceLocator, into out: inout [UInt8]) {
        let documentLine = locator.position(ofSourceOffset: report.startOffset).line
        for diagnostic in report.diagnostics {
            let position = locator.position(ofSourceOffset: diagnostic.offset)
            var header = style.bold("\(TerminalSafe.path(report.source)):\(position.line):\(position.column):")
            header += " " + style.severity(diagnostic.severity, diagnostic.severity.name + ":")
            header += " " + style.bold(diagnostic.message) + " [\(diagnostic.rule)]\n"
            out.append(string: header)
            excerpt(diagnostic, at: position, documentLine: documentLine, locator: locator, into: &out)
        }
    }

    public func prepare(_ report: DocumentReport, locator: any SourceLocator, signature: SignatureNote?, into out: inout [UInt8]) {
        render(report, locator: locator, into: &out)
    }

    /// Nothing: the stderr line that says so is text's whole report of it.
    public func writeUnreadable(_ finding: Diagnostic, path: String, into out: inout [UInt8]) {}

    /// Only the `path:line:col: severity: message [rule]` lines, for commands
    /// whose findings are a side note (normalize's refusals on stderr).
    public func renderHeaders(source: String, _ diagnostics: [Diagnostic], locator: some SourceLocator, into out: inout [UInt8]) {
        for diagnostic in diagnostics {
            let position = locator.position(ofSourceOffset: diagnostic.offset)
            out.append(string: "\(TerminalSafe.path(source)):\(position.line):\(position.column): \(diagnostic.severity.name): \(diagnostic.message) [\(diagnostic.rule)]\n")
        }
    }

    private func excerpt(_ diagnostic: Diagnostic, at position: SourcePosition, documentLine: Int, locator: some SourceLocator, into out: inout [UInt8]) {
        let line = locator.sourceLine(containing: diagnostic.offset, reach: 4 * window)
        let gutterWidth = String(line.number).count
        let blank = String(repeating: " ", count: gutterWidth)
        // One line of context, when it belongs to the same document.
        if line.number > documentLine, line.firstColumn == 1 {
            let previous = locator.sourceLine(containing: line.startOffset - 1, reach: 4 * window)
            if previous.number == line.number - 1 {
                let (text, _) = visible(previous, around: nil)
                out.append(string: style.gutter(pad(String(previous.number), gutterWidth) + " |") + (text.isEmpty ? "" : " " + text) + "\n")
            }
        }
        let (text, markerColumn) = visible(line, around: position.column)
        out.append(string: style.gutter(pad(String(line.number), gutterWidth) + " |") + " " + text + "\n")
        out.append(string: style.gutter(blank + " |") + " " + String(repeating: " ", count: markerColumn) + style.severity(diagnostic.severity, "^") + "\n")
        if let hint = diagnostic.hint {
            out.append(string: blank + " " + style.help("help:") + " " + hint + "\n")
        }
    }

    /// The line made printable and cut to a window around `column`; returns
    /// the display offset of the marker within the printed text.
    private func visible(_ line: SourceLine, around column: Int?) -> (String, Int) {
        let (text, columns) = TerminalSafe.line(line.text)
        let scalars = Array(text.unicodeScalars)
        let target = column.map { min(max($0 - line.firstColumn, 0), columns.count - 1) } ?? 0
        let marker = columns[target]
        var from = 0
        var to = scalars.count
        if marker > window { from = marker - window }
        if to - from > 2 * window { to = from + 2 * window }
        var shown = String(String.UnicodeScalarView(scalars[from..<to]))
        var offset = marker - from
        if from > 0 || line.firstColumn > 1 {
            shown = "..." + shown
            offset += 3
        }
        if to < scalars.count || line.continues { shown += "..." }
        return (shown, offset)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// The run's closing line.
    /// `skippedLogLines`: lines of a log without a callback, which are not
    /// documents but must not pass unsaid.
    public func footer(_ tally: DiagnosticTally, noun: String = "document", skippedLogLines: Int = 0) -> String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var line = "checked \(count(tally.documents, noun)): \(tally.valid) valid, \(tally.invalid) invalid; "
        line += "\(count(tally.errors, "error")), \(count(tally.warnings, "warning")), \(count(tally.notes, "note"))"
        if skippedLogLines > 0 { line += "; \(count(skippedLogLines, "log line")) without a callback skipped" }
        return (tally.invalid > 0 ? style.severity(.error, line) : style.bold(line)) + "\n"
    }
}

extension TerminalSafe {
    /// A path as printed in findings: unsafe characters escaped, the rest as is.
    public static func path(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars { append(scalar, to: &out) }
        return out
    }
}
