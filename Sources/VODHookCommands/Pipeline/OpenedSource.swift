import Decompression
import Platform
import VODHookCore

/// A source's bytes as the readers see them: the file as it is, or, when
/// its first two bytes are gzip's magic (whatever its name, standard input
/// too), its decompressed text. Everything downstream (`--input auto`,
/// NDJSON, HTTP, Base64, `--jobs`) reads the text and never knows.
struct OpenedSource {
    private(set) var input: any ByteInput
    private let ledger: GzipLedger?
    var gzip: GzipSource? { ledger?.gzip }
    var isCompressed: Bool { ledger != nil }

    /// `live`: a pipe or terminal, read as it arrives (see `LiveInput`).
    static func open(_ descriptor: Int32, live: Bool, beforeWaiting: @escaping () -> Void) throws(InputError) -> OpenedSource {
        let magic: [UInt8]
        var liveInput: LiveInput?
        if live {
            var input = LiveInput(descriptor: descriptor, beforeWaiting: beforeWaiting)
            magic = try input.readUpTo(2)
            liveInput = input
        } else {
            // A regular file is looked at without moving its offset.
            var peek = PositionedFileInput(descriptor: descriptor, position: Files.offset(descriptor) ?? 0)
            magic = try peek.readUpTo(2)
        }
        if GzipSource.isGzip(magic) {
            // The decoder reads the descriptor itself, never through
            // LiveInput: a decoder thread must not write output while waiting.
            let compressed: any ByteInput = live ? PrefixedInput(prefix: magic, rest: FileDescriptorInput(descriptor: descriptor))
                : FileDescriptorInput(descriptor: descriptor)
            let gzip = GzipSource(compressed: compressed, decoderThread: GzipSource.decoderThreadPays)
            return OpenedSource(input: gzip.input, ledger: GzipLedger(gzip))
        }
        if var liveInput {
            liveInput.pushBack(magic)
            return OpenedSource(input: liveInput, ledger: nil)
        }
        return OpenedSource(input: FileDescriptorInput(descriptor: descriptor), ledger: nil)
    }

    /// Whether a document goes on to the command, noting its number for the
    /// damage finding. Held back: a damaged gzip that gave no text at all
    /// would also be "no document", which the damage finding says better.
    /// A plain source pays one nil check.
    func passes(_ document: PipelineDocument) -> Bool {
        guard let ledger else { return true }
        if document.document.json == nil, document.document.findings.count == 1,
           document.document.findings[0].rule == .noDocument, ledger.gzip.finish() != nil {
            return false
        }
        ledger.documents = document.report.index
        return true
    }

    /// `count` documents went to the command another way (the threads' parts).
    func passed(documents count: Int) {
        if let ledger, count > 0 { ledger.documents = count }
    }

    /// Once the source is read: stops the decoder and, for a damaged gzip,
    /// the one finding, as the document after those already read.
    func finish(source: InputSource, checker: inout DocumentChecker) -> PipelineDocument? {
        guard let ledger, let (finding, locator) = ledger.gzip.finish() else { return nil }
        let document = ReadDocument(sourceFinding: finding, index: ledger.documents + 1)
        let report = checker.report(for: document, source: source.name, origin: nil)
        return PipelineDocument(report: report, document: document, locator: locator, request: nil)
    }
}

/// A gzip source's decoder and the number of the last document read from
/// it: a reference, so the closures that count it capture a constant.
private final class GzipLedger {
    let gzip: GzipSource
    var documents = 0
    init(_ gzip: GzipSource) { self.gzip = gzip }
}
