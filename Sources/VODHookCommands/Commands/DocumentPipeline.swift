#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import VODHookCore

/// Reads every source, validates every document and hands each report to a
/// command, in order. Shared by check, summary and normalize so they agree
/// on what a document is and whether it is valid.
struct DocumentPipeline {
    var mode: InputMode
    var strict: Bool
    private var validator = Validator()

    init(mode: InputMode, strict: Bool) {
        self.mode = mode
        self.strict = strict
    }

    /// Calls `handle` for each document; returns true when every path was readable.
    mutating func run(
        paths: [String], environment: CommandEnvironment, command: String,
        _ handle: (DocumentReport, ReadDocument, DocumentReader) -> Void
    ) -> Bool {
        let (sources, failures) = SourceList.expand(paths)
        var allReadable = failures.isEmpty
        for failure in failures {
            environment.errors.write("vodhook \(command): cannot read \(TerminalSafe.quoted(failure.path)): \(failure.reason)\n")
        }
        for source in sources where !environment.output.isClosed {
            let descriptor: Int32
            switch SourceList.open(source, environment: environment) {
            case .success(let opened): descriptor = opened
            case .failure(let error):
                environment.errors.write("vodhook \(command): cannot read \(TerminalSafe.quoted(source.name)): \(error.reason)\n")
                allReadable = false
                continue
            }
            defer { if !source.isStandardInput { close(descriptor) } }
            let reader = DocumentReader(input: FileDescriptorInput(descriptor: descriptor), mode: mode.readingMode)
            do {
                try reader.forEach { document in
                    let report = self.report(for: document, source: source.name)
                    handle(report, document, reader)
                    if environment.output.isClosed { reader.stop() }
                }
            } catch {
                environment.errors.write("vodhook \(command): cannot read \(TerminalSafe.quoted(source.name)): \(error.reason)\n")
                allReadable = false
            }
        }
        return allReadable
    }

    private mutating func report(for document: ReadDocument, source: String) -> DocumentReport {
        var diagnostics = document.findings
        var eventType: String?
        // The validator's findings come sorted; merging, sorting and copying
        // them again cost a million-finding document hundreds of megabytes.
        var sorted = diagnostics.isEmpty
        if let json = document.json {
            let result = validator.validate(json, pointerPrefix: document.pointerPrefix)
            if diagnostics.isEmpty { diagnostics = result.diagnostics } else { diagnostics.append(contentsOf: result.diagnostics) }
            eventType = result.eventType
        }
        if strict {
            for index in diagnostics.indices where diagnostics[index].severity == .warning {
                diagnostics[index].severity = .error
                // Worst first at one offset: a promoted warning may move.
                sorted = false
            }
        }
        if !sorted && diagnostics.count > 1 { diagnostics.sort() }
        return DocumentReport(source: source, index: document.index, startOffset: document.startOffset, eventType: eventType, diagnostics: diagnostics)
    }
}
