import Decompression
import Platform
import VODHookCore

/// A source's bytes as the readers see them: the file as it is, or, when
/// its first two bytes are gzip's magic (whatever its name, standard input
/// too), its decompressed text. Everything downstream (`--input auto`,
/// NDJSON, HTTP, Base64, `--jobs`) reads the text and never knows.
struct OpenedSource {
    private(set) var input: any ByteInput
    let gzip: GzipSource?
    var isCompressed: Bool { gzip != nil }

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
            return OpenedSource(input: gzip.input, gzip: gzip)
        }
        if var liveInput {
            liveInput.pushBack(magic)
            return OpenedSource(input: liveInput, gzip: nil)
        }
        return OpenedSource(input: FileDescriptorInput(descriptor: descriptor), gzip: nil)
    }

    /// Whether a document is one to hold back: a damaged gzip that gave no
    /// text at all would also be "no document", which the damage finding says better.
    func supersedes(_ document: PipelineDocument) -> Bool {
        guard let gzip, document.document.json == nil,
              document.document.findings.count == 1, document.document.findings[0].rule == .noDocument
        else { return false }
        return gzip.finish() != nil
    }

    /// Once the source is read: stops the decoder and, for a damaged gzip,
    /// the one finding, as the document after the `documents` already read.
    func finish(source: InputSource, documents: Int, checker: inout DocumentChecker) -> PipelineDocument? {
        guard let gzip, let (finding, locator) = gzip.finish() else { return nil }
        let document = ReadDocument(index: documents + 1, pointerPrefix: "", startOffset: finding.offset, json: nil, findings: [finding])
        let report = checker.report(for: document, source: source.name, origin: nil)
        return PipelineDocument(report: report, document: document, locator: locator, request: nil)
    }
}
