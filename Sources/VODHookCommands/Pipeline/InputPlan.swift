import Decompression
import Platform
import VODHookCore

/// What one source is and how it is read, decided once from its descriptor,
/// its first bytes and `--input`. The pipeline asks nothing else: how the
/// bytes arrive, how they are packed, and what format they hold are here,
/// so a new format is one case of `Format` and one branch where it is read.
struct InputPlan {
    /// How the bytes arrive.
    enum Delivery: Equatable {
        /// A regular file (named, or redirected to standard input): `length`
        /// bytes from file position `origin`, which threads may share.
        case file(origin: Int, length: Int)
        /// A pipe, socket or terminal, read as it arrives: what is done is
        /// written out before a read that would wait.
        case stream
    }

    /// How the bytes are packed.
    enum Compression: Equatable {
        case none
        /// gzip, known by its magic bytes whatever the mode or name: read
        /// through its decoder, and every decision after this one (encoding,
        /// format) is made on the decompressed text.
        case gzip
    }

    /// What the bytes are, before any format: UTF-8 text, or something no
    /// reader reads (UTF-16, zstd, a binary), which gets one finding.
    enum Encoding: Equatable {
        case utf8
        case foreign(ForeignSource)
    }

    /// How the text splits into documents.
    enum Format: Equatable {
        /// Exactly one JSON text.
        case body
        /// NDJSON, concatenated or pretty-printed texts, RFC 7464 records, arrays unpacked.
        case stream
        /// A text log: a callback after each line's prefix.
        case log
        /// Raw HTTP requests back to back.
        case http
        /// MNS bodies in Base64. `orStream`: auto mode saw only the first
        /// line, so a source whose every blob does not decode is a JSON stream.
        case base64(orStream: Bool)
    }

    let descriptor: Int32
    let delivery: Delivery
    let compression: Compression
    let encoding: Encoding
    let format: Format
    /// The first bytes, as sniffed. A stream's are consumed from the
    /// descriptor (and given back first by `input()`); a file's were only
    /// looked at. A gzip's are compressed: its text's are `gzip.prefix`.
    let prefix: [UInt8]
    /// A gzip source's decoder; nil for every other source.
    let gzip: GzipReading?
    /// Auto mode read text lines as JSON where they may be a log without a
    /// callback in its first lines: said once, not found on every line.
    let mayBeLog: Bool
    private let beforeWaiting: () -> Void

    /// How much of a source is looked at before deciding.
    static let sniffLength = 1 << 16

    /// Decides what the source behind `descriptor` is, reading its first
    /// bytes: with `pread` for a file (the descriptor does not move), from
    /// a stream as they arrive (a live stream's first line is enough).
    /// `namesLog`: the file's name says log (`receiver.log.1`), so auto
    /// mode reads it as one unless its first lines are JSON themselves.
    static func decide(
        descriptor: Int32, mode: InputMode, namesLog: Bool = false, beforeWaiting: @escaping () -> Void
    ) throws(InputError) -> InputPlan {
        let delivery: Delivery
        let prefix: [UInt8]
        if let size = Files.regularFileSize(descriptor), let origin = Files.offset(descriptor) {
            delivery = .file(origin: origin, length: size - origin)
            var look = PositionedFileInput(descriptor: descriptor, position: origin)
            prefix = try look.readUpTo(sniffLength)
        } else {
            delivery = .stream
            var live = LiveInput(descriptor: descriptor, beforeWaiting: beforeWaiting)
            prefix = try live.readPrefix(upTo: sniffLength)
        }
        let compression: Compression = GzipSource.isGzip(prefix) ? .gzip : .none
        var gzip: GzipReading?
        if compression == .gzip {
            // A stream's first bytes are gone from the descriptor: the decoder gets them back first.
            let compressed: any ByteInput = delivery == .stream
                ? PrefixedInput(prefix: prefix, rest: FileDescriptorInput(descriptor: descriptor))
                : FileDescriptorInput(descriptor: descriptor)
            gzip = try GzipReading(compressed: compressed, sniffLength: sniffLength)
        }
        // What the readers will see: the decompressed text's first bytes for a gzip.
        let text = gzip?.prefix ?? prefix
        let encoding: Encoding = ForeignSource.detect(text).map(Encoding.foreign) ?? .utf8
        var mayBeLog = false
        let format: Format
        switch mode {
        case .body: format = .body
        case .stream: format = .stream
        case .log: format = .log
        case .http: format = .http
        case .base64: format = .base64(orStream: false)
        case .auto:
            switch InputFormat.sniff(text) {
            case .json:
                let sample = LogSample(text)
                if namesLog && sample.jsonLines == 0 && sample.lines > 0 {
                    format = .log
                } else {
                    format = .stream
                    mayBeLog = encoding == .utf8 && sample.mayBeLog
                }
            case .log: format = .log
            case .http: format = .http
            case .base64: format = .base64(orStream: true)
            }
        }
        return InputPlan(descriptor: descriptor, delivery: delivery, compression: compression, encoding: encoding, format: format,
                         prefix: prefix, gzip: gzip, mayBeLog: mayBeLog, beforeWaiting: beforeWaiting)
    }

    /// Read from the descriptor as it arrives (a gzip's text comes from its decoder).
    var isLive: Bool { delivery == .stream && compression == .none }

    /// UTF-8 text, as it is or once decompressed: what the format readers read.
    var isPlainText: Bool { encoding == .utf8 }

    /// Whether threads may share the source's bytes as they lie (`--jobs`):
    /// a plain JSON stream. A gzip's decompressed text is shared as a
    /// pipe's is (`sharesDecompressedText`), never its compressed bytes.
    var sharesThreads: Bool { isPlainText && compression == .none && format == .stream }

    /// Whether threads may share a gzip's decompressed text, read as a pipe is.
    var sharesDecompressedText: Bool { isPlainText && compression == .gzip && format == .stream }

    /// The regular file's length from its origin; nil for a stream.
    var fileLength: Int? {
        if case .file(_, let length) = delivery { return length }
        return nil
    }

    /// The source's bytes from its start, the sniffed prefix included.
    func input() -> any ByteInput {
        if let gzip { return gzip.text }
        switch delivery {
        case .file: return FileDescriptorInput(descriptor: descriptor)
        case .stream: return liveInput()
        }
    }

    /// A stream's bytes from its start, read as they arrive.
    func liveInput() -> LiveInput {
        var live = LiveInput(descriptor: descriptor, beforeWaiting: beforeWaiting)
        live.pushBack(prefix)
        return live
    }
}
