#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import VODHookCore

/// One document as a command sees it: the verdict, the parsed document, where
/// to find positions, and the HTTP request that carried it, if any.
struct PipelineDocument {
    let report: DocumentReport
    let document: ReadDocument
    let locator: any SourceLocator
    let request: HTTPRequest?
}

/// Reads every source, validates every document and hands each to a
/// command, in order. Shared by every command that reads callbacks, so they
/// agree on what a document is and whether it is valid.
struct DocumentPipeline {
    var mode: InputMode
    var strict: Bool
    private var validator = Validator()
    /// How much of a source `--input auto` looks at before deciding.
    private let sniffLength = 1 << 16

    init(mode: InputMode, strict: Bool) {
        self.mode = mode
        self.strict = strict
    }

    /// Calls `handle` for each document; returns true when every path was readable.
    mutating func run(
        paths: [String], environment: CommandEnvironment, command: String,
        _ handle: (PipelineDocument) -> Void
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
            do {
                try read(source, descriptor: descriptor, environment: environment, handle)
            } catch {
                environment.errors.write("vodhook \(command): cannot read \(TerminalSafe.quoted(source.name)): \(error.reason)\n")
                allReadable = false
            }
        }
        return allReadable
    }

    private mutating func read(
        _ source: InputSource, descriptor: Int32, environment: CommandEnvironment, _ handle: (PipelineDocument) -> Void
    ) throws(InputError) {
        var input = FileDescriptorInput(descriptor: descriptor)
        switch mode {
        case .body, .stream:
            try readJSON(input, mode: mode == .body ? .body : .stream, source: source, environment: environment, handle)
        case .http:
            readHTTP(try input.readUpTo(Int.max), source: source, handle)
        case .base64:
            readBase64(try input.readUpTo(Int.max), source: source, handle)
        case .auto:
            let prefix = try input.readUpTo(sniffLength)
            switch InputFormat.sniff(prefix) {
            case .json:
                try readJSON(PrefixedInput(prefix: prefix, rest: input), mode: .stream, source: source, environment: environment, handle)
            case .http:
                readHTTP(prefix + (try input.readUpTo(Int.max)), source: source, handle)
            case .base64:
                let all = prefix + (try input.readUpTo(Int.max))
                if InputFormat.isBase64Source(all) {
                    readBase64(all, source: source, handle)
                } else {
                    try readJSON(BytesInput(all), mode: .stream, source: source, environment: environment, handle)
                }
            }
        }
    }

    private mutating func readJSON(
        _ input: any ByteInput, mode: ReadingMode, source: InputSource, environment: CommandEnvironment, _ handle: (PipelineDocument) -> Void
    ) throws(InputError) {
        let reader = DocumentReader(input: input, mode: mode)
        try reader.forEach { document in
            let report = self.report(for: document, source: source.name, origin: nil)
            handle(PipelineDocument(report: report, document: document, locator: reader, request: nil))
            if environment.output.isClosed { reader.stop() }
        }
    }

    private mutating func readHTTP(_ capture: [UInt8], source: InputSource, _ handle: (PipelineDocument) -> Void) {
        HTTPCaptureDocuments.forEach(capture) { document, origin in
            let report = self.report(for: document, source: source.name, origin: origin)
            handle(PipelineDocument(report: report, document: document, locator: origin.locator, request: origin.request))
        }
    }

    private mutating func readBase64(_ text: [UInt8], source: InputSource, _ handle: (PipelineDocument) -> Void) {
        Base64Documents.forEach(text) { document, origin in
            let report = self.report(for: document, source: source.name, origin: origin)
            handle(PipelineDocument(report: report, document: document, locator: origin.locator, request: nil))
        }
    }

    private mutating func report(for document: ReadDocument, source: String, origin: DocumentOrigin?) -> DocumentReport {
        var diagnostics = document.findings
        var eventType: String?
        if let json = document.json {
            let result = validator.validate(json, pointerPrefix: document.pointerPrefix)
            if diagnostics.isEmpty { diagnostics = result.diagnostics } else { diagnostics.append(contentsOf: result.diagnostics) }
            eventType = result.eventType
        }
        if let origin {
            for index in diagnostics.indices { origin.relocate(&diagnostics[index]) }
        }
        if strict && !diagnostics.isEmpty {
            for index in diagnostics.indices where diagnostics[index].severity == .warning {
                diagnostics[index].severity = .error
            }
        }
        if diagnostics.count > 1 { diagnostics.sort() }
        return DocumentReport(source: source, index: document.index, startOffset: document.startOffset, eventType: eventType, diagnostics: diagnostics)
    }
}
