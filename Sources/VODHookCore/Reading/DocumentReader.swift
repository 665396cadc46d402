import Platform

/// Reads documents from a byte input in large blocks, holding memory in
/// proportion to the largest document, never to the whole input.
///
/// After a syntax error it skips to the next line that can start a document
/// (a non-blank line that does not begin with whitespace, `}` or `]`, or the
/// byte after an RS), so one bad line costs only itself: every document is
/// reported exactly once, in order.
public final class DocumentReader {
    public let mode: ReadingMode
    private var input: any ByteInput
    private var storage: UnsafeMutableRawBufferPointer
    /// Source offset of `storage[0]`.
    private var base = 0
    /// Bytes of `storage` that hold input.
    private var filled = 0
    private var inputEnded = false
    /// The parser and the duplicate finder, behind a pointer: they are
    /// mutated for every document, and a class's stored properties cost a
    /// dynamic exclusivity check on every access.
    private let scratch: UnsafeMutablePointer<(parser: JSONParser, duplicateFinder: DuplicateKeyFinder)> = {
        let scratch = UnsafeMutablePointer<(parser: JSONParser, duplicateFinder: DuplicateKeyFinder)>.allocate(capacity: 1)
        scratch.initialize(to: (JSONParser(), DuplicateKeyFinder()))
        return scratch
    }()
    private var lines = LineIndex()
    // Touched for every document: unchecked, as a dynamic exclusivity check
    // cost more than the rest of the access (no access to them overlaps
    // another: `body` may call `stop()`, which only sets a flag).
    @exclusivity(unchecked) private var documentCount = 0
    @exclusivity(unchecked) private var pendingFindings: [Diagnostic] = []
    @exclusivity(unchecked) private var stopRequested = false
    /// The last byte `skipWhitespace` skipped: whether what follows starts a
    /// line, when the byte itself may already be gone from the buffer.
    private var lastSkippedByte: UInt8 = 0

    /// Log lines without a callback so far (`ReadingMode.log`).
    public private(set) var skippedLines = SkippedLogLines()
    /// An array broke at the first byte of the next line: the log goes on from there.
    private var resumesAtLineStart = false

    /// Ends `forEach` after the current document (the output went away).
    public func stop() { stopRequested = true }

    /// Leaves the search for repeated keys to the caller, who asks
    /// `deferredDuplicateFindings(for:)` during `body` only for a document
    /// its quick verdict declines: a pass proves there is none, and the
    /// search cost ~620 instructions on every document (issue 24). Read for
    /// every document: unchecked, as its dynamic exclusivity check cost ~60.
    @exclusivity(unchecked) public var defersDuplicateKeys = false
    /// Where the current document's repeated-key findings belong among its
    /// findings (after the source's pending ones), when they were deferred; -1 otherwise.
    @exclusivity(unchecked) private var deferredDuplicatesAt = -1

    /// Top-level values may start only before this offset (a part reader's share).
    @exclusivity(unchecked) private var limit = Int.max
    /// False for a part reader: whether a source holds no document is the whole source's question.
    private var reportsNoDocument = true
    /// The top-level values read, kept by part readers.
    @exclusivity(unchecked) public private(set) var values: [TopLevelValue] = []
    private var recordsValues = false
    /// Where the next top-level value starts once `forEach` is done: at or
    /// past the limit, or the end of the input.
    public private(set) var resumeOffset = 0

    private let documentLimit: Int
    /// The least asked of the input at a time. Reads otherwise fill the
    /// buffer (the parser restarts a document on each read, so reads must
    /// grow with it), but never past what the document limit can use: one
    /// read into the doubled buffer made a refused document cost twice the limit.
    private let readSize: Int

    /// The most bytes one document may take, whitespace inside it included.
    public static let maxDocumentBytes = 1 << 28

    /// The limits are parameters only so tests can reach them cheaply.
    public init(
        input: any ByteInput, mode: ReadingMode, blockSize: Int = 1 << 20,
        maxDocumentBytes: Int = DocumentReader.maxDocumentBytes, maxValues: Int = JSONParser.maxValues
    ) {
        self.input = input
        self.mode = mode
        documentLimit = maxDocumentBytes
        readSize = max(blockSize, 16)
        scratch.pointee.parser.valueLimit = maxValues
        storage = Self.resize(nil, to: max(blockSize, 16))
    }

    /// A reader of part of a stream: `input` yields the source from
    /// `start.offset` on, and top-level values are read while they start
    /// before `limit` (the last one read may end past it). It records each
    /// top-level value and reports no `no-document` finding, so whoever
    /// joins the parts can line them up with the whole source.
    public convenience init(input: any ByteInput, from start: ReadStart, stoppingBefore limit: Int, blockSize: Int = 1 << 16) {
        self.init(input: input, mode: .stream, blockSize: blockSize)
        base = start.offset
        lines = LineIndex(at: start)
        self.limit = limit
        reportsNoDocument = false
        recordsValues = true
    }

    /// The line and column where the next top-level value starts, for a reader that carries on from there.
    public var resumePoint: ReadStart {
        let position = position(ofSourceOffset: resumeOffset)
        return ReadStart(offset: resumeOffset, line: position.line, column: position.column)
    }

    deinit {
        Memory.release(storage.baseAddress)
        scratch.deinitialize(count: 1)
        scratch.deallocate()
    }

    /// malloc and realloc, not allocate and copy: a large buffer grows in
    /// place (mremap), so a huge document costs its size, not that plus the
    /// copy it outgrew, and capacity never read into stays untouched.
    private static func resize(_ old: UnsafeMutableRawBufferPointer?, to count: Int) -> UnsafeMutableRawBufferPointer {
        guard let memory = Memory.reallocate(old?.baseAddress, byteCount: count) else {
            // The document limit keeps this far below any real machine's memory.
            fatalError("vodhook: out of memory for a \(count)-byte read buffer")
        }
        return UnsafeMutableRawBufferPointer(start: memory, count: count)
    }

    private var end: Int { base + filled }
    private var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: storage[0..<filled]) }

    /// Calls `body` with each document in source order. `body` owns each
    /// document, so it can keep it (in a `PipelineDocument`, say) without a
    /// copy: the copy and its destruction cost ~150 instructions a document.
    public func forEach(_ body: (consuming ReadDocument) -> Void) throws(InputError) {
        var position = base
        if position == 0 {
            if reportsNoDocument, try readForeign(body) { return }
            try readBOM(&position)
        }
        var sawEmptyArray = false
        defer { resumeOffset = position }
        if mode == .log { try readLog(from: &position, body) }
        while !stopRequested && mode != .log {
            position = try skipSeparators(from: position)
            // The limit is asked first: a part reader must not wait on a
            // live pipe for bytes that belong to the next part.
            guard position < limit, try ensureByte(at: position, keeping: position) else { break }
            var value = TopLevelValue(offset: position, documentsBefore: documentCount, isEmptyArray: false)
            if mode == .stream && byte(at: position) == UInt8(ascii: "[") {
                let produced = try readArray(from: &position, body)
                if !produced { sawEmptyArray = true }
                value.isEmptyArray = !produced
            } else {
                try readDocument(from: &position, depth: 0, pointerPrefix: "", body)
            }
            if recordsValues { values.append(value) }
            if mode == .body { break }
        }
        if reportsNoDocument && documentCount == 0 && !stopRequested {
            let message = mode == .log && skippedLines.total > 0
                ? "no line of the log holds a callback (a JSON object after the line's prefix)"
                : sawEmptyArray
                ? "the source holds only an empty array, so no document"
                : "the source holds no JSON document (it is empty or whitespace only)"
            pendingFindings.append(Diagnostic(.error, .noDocument, message, offset: 0))
            emit(start: 0, json: nil, findings: [], body)
        }
    }

    // MARK: Logs

    /// Reads a log line by line: each line's callback, after its prefix, is
    /// a document; a line without one is counted. Whatever a callback spoils
    /// (a cut line, a syntax error) ends at its line: the next line is read.
    private func readLog(from position: inout Int, _ body: (consuming ReadDocument) -> Void) throws(InputError) {
        while !stopRequested {
            guard try ensureByte(at: position, keeping: position) else { return }
            let lineStart = position
            let lineEnd = try endOfLine(from: lineStart)
            let local = lineStart - base
            guard let start = LogLine.callbackStart(in: bytes, from: local, to: lineEnd - base) else {
                if !isBlankLine(lineStart..<lineEnd) {
                    skippedLines.add(word: LogLine.firstWord(in: bytes, from: local, to: lineEnd - base))
                }
                position = startOfNextLine(after: lineEnd)
                continue
            }
            position = start + base
            if byte(at: position) == UInt8(ascii: "[") {
                _ = try readArray(from: &position, body)
            } else {
                try readDocument(from: &position, depth: 0, pointerPrefix: "", body)
            }
            // The rest of the line is suffix (`took=3ms`), or what the error spoiled.
            if resumesAtLineStart {
                resumesAtLineStart = false
            } else {
                position = startOfNextLine(after: try endOfLine(from: position))
            }
        }
    }

    /// Past the line feed at `lineEnd`; at `lineEnd` itself when the line
    /// ended without one (the input's end, or a cut at the document limit).
    private func startOfNextLine(after lineEnd: Int) -> Int {
        lineEnd < end && byte(at: lineEnd) == 0x0A ? lineEnd + 1 : lineEnd
    }

    /// The end of the line `from` is on (before a CR), when `to` is the
    /// first byte of a later line that starts with no blank; else nil.
    private func logLineEnd(between from: Int, and to: Int) throws(InputError) -> Int? {
        guard to > from, try ensureByte(at: to, keeping: from), byte(at: to - 1) == 0x0A else { return nil }
        var lineEnd = from
        while byte(at: lineEnd) != 0x0A { lineEnd += 1 }
        return lineEnd > from && byte(at: lineEnd - 1) == 0x0D ? lineEnd - 1 : lineEnd
    }

    private func isBlankLine(_ line: Range<Int>) -> Bool {
        line.allSatisfy { [0x20, 0x09, 0x0D].contains(byte(at: $0)) }
    }

    /// Offset of the line feed that ends the line holding `offset`, or the
    /// end of input; the line stays in the buffer. A line longer than a
    /// document may be is cut there, so memory stays bounded by the limit.
    private func endOfLine(from offset: Int) throws(InputError) -> Int {
        var searched = offset
        while searched - offset <= documentLimit, try ensureByte(at: searched, keeping: offset) {
            if let found = ByteSearch.first(0x0A, in: bytes, from: searched - base, to: filled) { return found + base }
            searched = end
        }
        return min(searched, end)
    }

    // MARK: Documents

    /// A UTF-16 file, a gzip log or a binary is one finding, not a syntax
    /// error on every line; true when the source was one and is done with.
    /// A live input is judged by its first read: waiting for the whole
    /// window would hold back `tail -f log | vodhook check`'s first finding.
    private func readForeign(_ body: (consuming ReadDocument) -> Void) throws(InputError) -> Bool {
        _ = try ensureByte(at: input.arrivesLive ? 0 : ForeignSource.binaryWindow - 1, keeping: 0)
        let window = UnsafeRawBufferPointer(rebasing: bytes.prefix(ForeignSource.binaryWindow))
        guard let foreign = ForeignSource.detect(Array(window)) else { return false }
        pendingFindings.append(foreign.diagnostic)
        emit(start: 0, json: nil, findings: [], body)
        return true
    }

    private func readBOM(_ position: inout Int) throws(InputError) {
        guard try ensureByte(at: 2, keeping: 0),
            byte(at: 0) == 0xEF, byte(at: 1) == 0xBB, byte(at: 2) == 0xBF
        else { return }
        pendingFindings.append(Diagnostic(
            .warning, .jsonBOM, "the source starts with a UTF-8 byte-order mark", offset: 0,
            hint: "RFC 8259 says JSON must not start with a byte-order mark; remove it"))
        position = 3
    }

    /// Reads one value as a document and moves `position` past it (or past
    /// the lines a broken one spoils). Returns false when it could not be parsed.
    @discardableResult
    private func readDocument(
        from position: inout Int, depth: Int, pointerPrefix: String, _ body: (consuming ReadDocument) -> Void
    ) throws(InputError) -> Bool {
        let start = position
        switch try parse(from: start, depth: depth) {
        case .complete(let valueEnd):
            position = valueEnd
            let tapeBase = base
            // Looking past the value may read on, which moves the buffer under the tape.
            var stray: (offset: Int, problem: JSONReadProblem)?
            if depth == 0, let offset = try strayDataAfterValue(at: valueEnd, keeping: start) {
                stray = (offset, try problem(at: offset, keeping: start) { .unexpectedData(found: $0) })
            }
            if base != tapeBase { scratch.pointee.parser.shiftTape(by: tapeBase - base) }
            let document = JSONDocument(bytes: bytes, baseOffset: base, nodes: scratch.pointee.parser.tape)
            var findings = defersDuplicateKeys ? [] : duplicateFindings(in: document, prefix: pointerPrefix)
            if defersDuplicateKeys { deferredDuplicatesAt = pendingFindings.count }
            if let stray {
                findings.append(readError(JSONReadError(problem: stray.problem, offset: stray.offset - base), pointer: pointerPrefix))
                position = stray.offset
            }
            emit(start: start, json: document, findings: findings, pointerPrefix: pointerPrefix, body)
            // Only now may reading go on: recovery drops the bytes the document was a view of.
            if let stray, mode == .stream { position = try recoveryPoint(after: stray.offset) }
            return true
        case .failed(var error):
            if mode != .body, let lineEnd = endOfCutLine(documentStart: start, errorOffset: error.offset + base) {
                error = JSONReadError(problem: .incompleteLine, offset: lineEnd - base)
            }
            emit(start: start, json: nil, findings: [readError(error, pointer: pointerPrefix)], pointerPrefix: pointerPrefix, body)
            switch mode {
            case .stream: position = try recoveryPoint(after: start)
            // The log loop goes on from the line after the error's.
            case .log: position = max(start, min(error.offset + base, end))
            case .body: position = end
            }
            return false
        case .needsMoreInput:
            preconditionFailure("parse(from:) reads until the value is complete or failed")
        }
    }

    /// Unpacks a top-level array: each element is a document. Returns false
    /// when the array was empty.
    private func readArray(from position: inout Int, _ body: (consuming ReadDocument) -> Void) throws(InputError) -> Bool {
        var index = 0
        position = try skipWhitespace(from: position + 1)
        guard try ensureByte(at: position, keeping: position) else {
            emitError(.expectedValue(found: .endOfInput), at: position, pointerPrefix: "", body)
            return true
        }
        if byte(at: position) == UInt8(ascii: "]") {
            position += 1
            try checkAfterArray(&position, body)
            return false
        }
        while !stopRequested {
            let prefix = JSONPointer.appending(index, to: "")
            // A broken element ends the array: the reader has already moved on.
            guard try readDocument(from: &position, depth: 1, pointerPrefix: prefix, body) else { return true }
            index += 1
            let valueEnd = position
            position = try skipWhitespace(from: position)
            let startsLine = position > valueEnd && lastSkippedByte == 0x0A
            guard try ensureByte(at: position, keeping: position) else {
                emitError(.expectedCommaOrBracket(found: .endOfInput), at: position, pointerPrefix: JSONPointer.appending(index, to: ""), body)
                return true
            }
            switch byte(at: position) {
            case UInt8(ascii: "]"):
                position += 1
                try checkAfterArray(&position, body)
                return true
            case UInt8(ascii: ","):
                let comma = position
                // A trailing comma is reported at the comma, so its byte must stay.
                position = try skipWhitespace(from: position + 1, keeping: comma)
                if try ensureByte(at: position, keeping: comma), byte(at: position) == UInt8(ascii: "]") {
                    emitError(.trailingComma(closer: UInt8(ascii: "]")), at: comma, pointerPrefix: JSONPointer.appending(index, to: ""), body)
                    position = mode == .log ? comma : try recoveryPoint(after: comma)
                    return true
                }
                // In a log, an element on the next line's first byte is that line's prefix: the array was cut.
                if mode == .log, let lineEnd = try logLineEnd(between: comma, and: position) {
                    emitError(.incompleteLine, at: lineEnd, pointerPrefix: JSONPointer.appending(index, to: ""), body)
                    resumesAtLineStart = true
                    return true
                }
            default:
                let problem = try problem(at: position, keeping: position) { .expectedCommaOrBracket(found: $0) }
                emitError(problem, at: position, pointerPrefix: JSONPointer.appending(index, to: ""), body)
                // The offending byte may itself start the next line's document.
                if mode == .log {
                    // That byte starts the next log line, which is read in turn.
                    resumesAtLineStart = startsLine
                } else {
                    position = try recoveryPoint(after: position, startsLine: startsLine)
                }
                return true
            }
        }
        return true
    }

    private func checkAfterArray(_ position: inout Int, _ body: (consuming ReadDocument) -> Void) throws(InputError) {
        if let stray = try strayDataAfterValue(at: position, keeping: position) {
            let problem = try problem(at: stray, keeping: stray) { .unexpectedData(found: $0) }
            emitError(problem, at: stray, pointerPrefix: "", body)
            position = try recoveryPoint(after: stray)
        }
    }

    /// Parses from `start`, reading more input until the value is complete or
    /// fails. A complete value's end is a source offset, a failure's a buffer offset.
    private func parse(from start: Int, depth: Int) throws(InputError) -> JSONParser.Outcome {
        while true {
            let outcome = scratch.pointee.parser.parseValue(in: bytes, from: start - base, isFinal: inputEnded, depth: depth)
            switch outcome {
            case .complete(let valueEnd):
                // Checked here too, so the limit holds exactly, whatever the blocks held.
                guard valueEnd + base - start <= documentLimit else {
                    return .failed(JSONReadError(problem: .tooLarge(limit: documentLimit), offset: start + documentLimit - base))
                }
                return .complete(end: valueEnd + base)
            // Left as a buffer offset: `readError` turns it into a source offset.
            case .failed(let error): return .failed(error)
            case .needsMoreInput:
                // Past the limit the document is refused here, before its
                // bytes can fill memory; recovery then reads on without them.
                guard end - start <= documentLimit else {
                    return .failed(JSONReadError(problem: .tooLarge(limit: documentLimit), offset: start + documentLimit - base))
                }
                try readMore(keeping: start)
            }
        }
    }

    /// In a stream, what follows a value on its own line must be nothing, or
    /// the start of another object or array; in a body, nothing at all.
    /// Returns the offset of the first byte that breaks this.
    private func strayDataAfterValue(at valueEnd: Int, keeping keep: Int) throws(InputError) -> Int? {
        // A log line's text after its callback is suffix, as the text before it is prefix.
        if mode == .log { return nil }
        var i = valueEnd
        // The document stays in memory while this looks, so an endless run of
        // spaces after it must not be held: past the limit, stop looking.
        while i - keep <= documentLimit, try ensureByte(at: i, keeping: keep) {
            let next = byte(at: i)
            switch next {
            case 0x20, 0x09, 0x0D: i += 1
            case 0x0A:
                if mode == .stream { return nil }
                i += 1
            // RFC 7464 separates texts with RS; RFC 8259 does not count it as whitespace.
            case 0x1E:
                return mode == .stream ? nil : i
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                return mode == .stream ? nil : i
            default: return i
            }
        }
        return nil
    }

    /// A document cut off at the end of its line (a truncated NDJSON record)
    /// runs on into the next line's document before the parser notices.
    /// When a line that can start a document lies between the start and the
    /// error, the finding belongs at the end of the line before it, and that
    /// line's document is read on its own. Returns that line end, or nil.
    private func endOfCutLine(documentStart: Int, errorOffset: Int) -> Int? {
        var i = documentStart
        while i < errorOffset {
            let next = byte(at: i)
            if next == 0x0A, i + 1 <= errorOffset, i + 1 < end {
                switch byte(at: i + 1) {
                case 0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: "}"), UInt8(ascii: "]"): break
                default:
                    return i > documentStart && byte(at: i - 1) == 0x0D ? i - 1 : i
                }
            }
            i += 1
        }
        return nil
    }

    /// Where reading resumes after a broken document that starts (or errs) at
    /// `offset`: the next line that can start a document, or after an RS.
    /// When `startsLine`, the line of `offset` itself counts.
    private func recoveryPoint(after offset: Int, startsLine: Bool = false) throws(InputError) -> Int {
        var i = offset
        var atLineStart = startsLine
        while try ensureByte(at: i, keeping: i) {
            let next = byte(at: i)
            if next == 0x1E { return i }
            if atLineStart {
                switch next {
                case 0x0A: break
                case 0x20, 0x09, 0x0D, UInt8(ascii: "}"), UInt8(ascii: "]"): atLineStart = false
                default: return i
                }
            } else if next == 0x0A {
                atLineStart = true
            }
            i += 1
        }
        return i
    }

    // MARK: Emitting

    private func emit(start: Int, json: JSONDocument?, findings: [Diagnostic], pointerPrefix: String = "", _ body: (consuming ReadDocument) -> Void) {
        documentCount += 1
        // Only a parsed document's search is deferred, and only until `body` returns.
        defer { deferredDuplicatesAt = -1 }
        // Nearly every document has no reader findings: touch no array then.
        var all = findings
        if !pendingFindings.isEmpty {
            all = pendingFindings + findings
            pendingFindings.removeAll()
        }
        body(ReadDocument(index: documentCount, pointerPrefix: pointerPrefix, startOffset: start, json: json, findings: all))
    }

    private func emitError(_ problem: JSONReadProblem, at offset: Int, pointerPrefix: String, _ body: (consuming ReadDocument) -> Void) {
        let error = readError(JSONReadError(problem: problem, offset: offset - base), pointer: pointerPrefix)
        emit(start: offset, json: nil, findings: [error], pointerPrefix: pointerPrefix, body)
    }

    /// A reader error as a diagnostic; `error.offset` is a buffer offset.
    private func readError(_ error: JSONReadError, pointer: String) -> Diagnostic {
        var diagnostic = Diagnostic(
            .error, error.problem.rule,
            error.problem.message { self.position(ofSourceOffset: $0 + self.base) },
            offset: error.offset + base, pointer: pointer, hint: error.problem.hint)
        if case .unterminatedString = error.problem, error.offset + base == end {
            diagnostic.hint = "the input ends inside the string"
        }
        return diagnostic
    }

    /// The repeated-key findings of the document `body` was just handed,
    /// when `defersDuplicateKeys` left them out, with the index among
    /// `document.findings` where the reader would have put them; none for a
    /// document whose search was not deferred.
    public func deferredDuplicateFindings(for document: ReadDocument) -> (findings: [Diagnostic], index: Int) {
        guard deferredDuplicatesAt >= 0, document.index == documentCount, let json = document.json else { return ([], 0) }
        return (duplicateFindings(in: json, prefix: document.pointerPrefix), deferredDuplicatesAt)
    }

    private func duplicateFindings(in document: JSONDocument, prefix: String) -> [Diagnostic] {
        // Most objects have a handful of distinct keys; skip the work for scalars.
        guard document.nodes.first?.kind == .object || document.nodes.first?.kind == .array else { return [] }
        let duplicates = scratch.pointee.duplicateFinder.find(in: document)
        guard !duplicates.isEmpty else { return [] }
        let pointers = document.pointers(to: duplicates.map(\.repeated), prefix: prefix)
        return zip(duplicates, pointers).map { duplicate, pointer in
            let key = document.string(duplicate.repeated)
            let firstLine = lines.line(of: document.sourceOffset(of: duplicate.first), in: bytes, base: base)
            return Diagnostic(
                .error, .jsonDuplicateKey,
                "duplicate key \(TerminalSafe.quotedExcerpt(key)); first defined at line \(firstLine)",
                offset: document.sourceOffset(of: duplicate.repeated), pointer: pointer,
                hint: "a JSON object's keys must be unique; receivers disagree on which value wins")
        }
    }

    /// The problem with the byte at `offset`, where `expected` wanted something
    /// else. The whole character is read first, so where a block ends cannot
    /// change the message; bytes that are not UTF-8 are an encoding problem
    /// wherever they stand, and a '/' can only start a comment.
    private func problem(
        at offset: Int, keeping keep: Int, _ expected: (JSONReadProblem.Found) -> JSONReadProblem
    ) throws(InputError) -> JSONReadProblem {
        _ = try ensureByte(at: offset + 3, keeping: keep)
        let scanner = ByteScanner(bytes: bytes, isFinal: true)
        let local = offset - base
        let byte = storage[local]
        if byte == UInt8(ascii: "/") { return .comment }
        if byte >= 0x80 && !UTF8Sequence.startsCharacter(bytes, at: local, count: filled) { return .invalidUTF8(byte) }
        return expected(scanner.found(at: local))
    }

    // MARK: Bytes

    @inline(__always) private func byte(at offset: Int) -> UInt8 { storage[offset - base] }

    private func skipWhitespace(from offset: Int, keeping keep: Int? = nil) throws(InputError) -> Int {
        var i = offset
        while try ensureByte(at: i, keeping: keep ?? i) {
            let next = byte(at: i)
            guard next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 else { break }
            lastSkippedByte = next
            i += 1
        }
        return i
    }

    private func skipSeparators(from offset: Int) throws(InputError) -> Int {
        var i = offset
        while i < limit, try ensureByte(at: i, keeping: i) {
            let next = byte(at: i)
            guard next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 || (next == 0x1E && mode == .stream) else { break }
            i += 1
        }
        return i
    }

    /// True when the byte at `offset` is in the buffer, reading more if needed;
    /// false at the end of input. Bytes from `keep` on stay in the buffer.
    @inline(__always) private func ensureByte(at offset: Int, keeping keep: Int) throws(InputError) -> Bool {
        while offset >= end {
            if inputEnded { return false }
            try readMore(keeping: keep)
        }
        return true
    }

    /// Drops the bytes before `keep`, grows the buffer if `keep` is already at
    /// its start, and reads the next block (or learns that the input ended).
    private func readMore(keeping keep: Int) throws(InputError) {
        precondition(keep >= base && keep <= end)
        if keep > base {
            lines.forget(upTo: keep, in: bytes, base: base)
            let kept = end - keep
            if kept > 0 {
                // storage is allocated in init (at least 16 bytes) and only grows.
                storage.baseAddress!.copyMemory(from: storage.baseAddress! + (keep - base), byteCount: kept)
            }
            base = keep
            filled = kept
        }
        if filled == storage.count {
            storage = Self.resize(storage, to: storage.count * 2)
        }
        let useful = max(readSize, keep + documentLimit + 1 - end)
        let free = UnsafeMutableRawBufferPointer(rebasing: storage[filled..<min(storage.count, filled + useful)])
        let count = try input.read(into: free)
        if count == 0 { inputEnded = true }
        filled += count
    }

    // MARK: Positions

    /// Line and column of a source offset in the current buffer (or its end).
    public func position(ofSourceOffset offset: Int) -> SourcePosition {
        // The BOM and no-document findings sit at offset 0, whose bytes may be
        // long gone after a run of whitespace; where it is never changes.
        if offset <= 0 { return SourcePosition(line: 1, column: 1) }
        return lines.position(of: min(max(offset, base), end), in: bytes, base: base)
    }

    /// The text around `offset` on its line, for source excerpts: at most
    /// `reach` bytes to each side, so a 100 MB line costs no more than a short one.
    public func sourceLine(containing offset: Int, reach: Int = 256) -> SourceLine {
        if offset < base {
            // Those bytes are gone; an empty excerpt beats one from another line.
            let position = position(ofSourceOffset: offset)
            return SourceLine(number: position.line, firstColumn: position.column, startOffset: offset, text: [], continues: true)
        }
        let clamped = min(offset, end)
        return SourceLine.extract(from: bytes, base: base, offset: clamped, reach: reach, position: position(ofSourceOffset: clamped))
    }
}

extension DocumentReader: SourceLocator {}
