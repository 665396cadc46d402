import Decompression
import Platform
import VODHookCore

/// A gzip source being read: its decoder, the first decompressed bytes
/// (what `InputPlan` decided the format on), and the number of the last
/// document read, for the damage finding. A reference, so the closures
/// that count documents capture a constant.
final class GzipReading {
    let decoder: GzipSource
    /// Already read from the decoder; readers get them back first.
    let prefix: [UInt8]
    private var documents = 0

    /// `compressed` yields the source from its first byte on. The decoder
    /// reads the descriptor itself, never through `LiveInput`: a decoder
    /// thread must not write output while waiting.
    init(compressed: any ByteInput, sniffLength: Int) throws(InputError) {
        decoder = GzipSource(compressed: compressed, decoderThread: GzipSource.decoderThreadPays)
        var text = decoder.input
        prefix = try text.readUpTo(sniffLength)
    }

    /// The decompressed text from its start, the prefix included.
    var text: any ByteInput { PrefixedInput(prefix: prefix, rest: decoder.input) }

    /// Whether a document goes on to the command, noting its number for the
    /// damage finding. Held back: a damaged gzip that gave no text at all
    /// would also be "no document", which the damage finding says better.
    func passes(_ document: PipelineDocument) -> Bool {
        if document.document.json == nil, document.document.findings.count == 1,
           document.document.findings[0].rule == .noDocument, decoder.finish() != nil {
            return false
        }
        documents = document.report.index
        return true
    }

    /// `count` documents went to the command another way (the threads' parts).
    func passed(documents count: Int) {
        if count > 0 { documents = count }
    }

    /// Once the source is read: stops the decoder and, for a damaged gzip,
    /// the one finding, as the document after those already read.
    func finish(source: InputSource, checker: inout DocumentChecker) -> PipelineDocument? {
        guard let (finding, locator) = decoder.finish() else { return nil }
        let document = ReadDocument(sourceFinding: finding, index: documents + 1)
        let report = checker.report(for: document, source: source.name, origin: nil)
        return PipelineDocument(report: report, document: document, locator: locator, request: nil)
    }
}

extension GzipReading {
    /// The decoder's text after the prefix, for the pipe parts of `--jobs`.
    var textForParts: any ByteInput & Sendable { PartsDecoderText(text: decoder.input) }
}

/// The decoder's text as `PipeParts` reads it.
private struct PartsDecoderText: ByteInput, Sendable {
    /// Read only inside PipeParts' cutter lock, one thread at a time, and by
    /// nothing else until the parts are done (the decoder's own thread, if
    /// any, hands its buffers over under ReadAheadInput's lock): exempt from
    /// the check, this one property, not the whole type.
    nonisolated(unsafe) var text: any ByteInput
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        try text.read(into: buffer)
    }
}
