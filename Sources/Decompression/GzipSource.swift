import Platform
import VODHookCore

/// A gzip source as the commands read it: recognized by its magic bytes,
/// decompressed as it is read (a decoder thread ahead of the reader where
/// there is a core for it), and, when the stream is damaged, one finding
/// once the text before the damage has been read.
public final class GzipSource {
    /// The decompressed text: what every reader downstream sees.
    public private(set) var input: any ByteInput
    private let decoder: GzipInput
    private let readAhead: ReadAheadInput?

    /// gzip's two magic bytes (RFC 1952 §2.3.1), whatever the file is called.
    public static func isGzip(_ prefix: some Collection<UInt8>) -> Bool {
        prefix.starts(with: [0x1F, 0x8B])
    }

    /// `compressed` yields the source from its first byte on. `decoderThread`:
    /// inflate on a thread of its own, overlapped with the checks.
    public init(compressed: any ByteInput, decoderThread: Bool) {
        decoder = GzipInput(source: compressed)
        if decoderThread {
            let ahead = ReadAheadInput(decoder)
            readAhead = ahead.start() ? ahead : nil
        } else {
            readAhead = nil
        }
        input = readAhead ?? decoder
    }

    /// Whether a decoder thread pays: only with a second core to run it on.
    public static var decoderThreadPays: Bool { ProcessContext.processorCount() > 1 }

    /// Stops the decoder thread. Call once the text has been read: then,
    /// for a damaged stream, the finding and where its position is found.
    /// Asking again gives the same answer.
    public func finish() -> (finding: Diagnostic, locator: any SourceLocator)? {
        readAhead?.finish()
        guard let damage = decoder.damage else { return nil }
        return (damage.diagnostic, TextEndLocator(decoder.textEnd))
    }

    deinit { readAhead?.finish() }
}
