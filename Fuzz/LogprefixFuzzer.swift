// libFuzzer target: log mode (`--input log`). The input's lines get
// prefixes of the shapes receivers write, chosen by the input's first byte;
// the log must read the same in any block size, every callback must start
// after its line's prefix, and a line that is one clean JSON text must get
// the findings the plain line gets, moved by its prefix.
// Built by Fuzz/build.sh with -sanitize=fuzzer,address; not part of the package.
import VODHookCore

let logPrefixes: [[UInt8]] = [
    "2026-12-06T10:00:00Z INFO vod callback body=",
    "[2026-12-06 10:00:00,123] [http-nio-8080-exec-3] INFO  c.e.CallbackController - received: ",
    "Dec  6 10:00:00 web-1 app[123]: ",
    "level=info mdc={} thread={main} ids=[1, 2] body=",
    // No empty prefix: a line that starts like JSON may rightly continue the line before's value.
].map { Array($0.utf8) }

/// A finding as the oracles compare it.
struct LogFinding: Equatable {
    var rule: String
    var offset: Int
    var pointer: String
    /// Severity, position and message, for the block-size oracle.
    var text = ""
}

/// Findings of one reading, in source offsets, with positions.
func logTranscript(_ input: any ByteInput, blockSize: Int) -> (documents: [[LogFinding]], starts: [Int], parsed: [Bool], skipped: Int) {
    let reader = DocumentReader(input: input, mode: .log, blockSize: blockSize)
    var documents: [[LogFinding]] = []
    var starts: [Int] = []
    var parsed: [Bool] = []
    let validator = Validator()
    do {
        try reader.forEach { document in
            var diagnostics = document.findings
            if let json = document.json { diagnostics += validator.validate(json, pointerPrefix: document.pointerPrefix).diagnostics }
            starts.append(document.startOffset)
            parsed.append(document.json != nil)
            documents.append(diagnostics.sorted().map { finding in
                LogFinding(rule: finding.rule.rawValue, offset: finding.offset, pointer: finding.pointer,
                           text: "\(finding.severity) \(reader.position(ofSourceOffset: finding.offset)) \(finding.message)")
            })
        }
    } catch {
        fuzzFailure("an in-memory input threw \(error)")
    }
    return (documents, starts, parsed, reader.skippedLines.total)
}

/// The findings of one line read alone as a body, or nil when it is not one clean JSON text.
func plainLineFindings(_ line: ArraySlice<UInt8>) -> [LogFinding]? {
    let reader = DocumentReader(input: BytesInput(Array(line)), mode: .body, blockSize: max(line.count, 16))
    let validator = Validator()
    var result: [LogFinding]?
    var documents = 0
    try? reader.forEach { document in
        documents += 1
        guard let json = document.json, document.findings.isEmpty, json.nodes.first?.kind == .object else { return }
        result = validator.validate(json).diagnostics.sorted().map { LogFinding(rule: $0.rule.rawValue, offset: $0.offset, pointer: $0.pointer) }
    }
    return documents == 1 ? result : nil
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = fuzzBytes(data, size)
    guard let choice = bytes.first else { return 0 }
    let lines = bytes.dropFirst().split(separator: 0x0A, omittingEmptySubsequences: false)
    var log: [UInt8] = []
    var lineStarts: [(start: Int, prefix: Int)] = []
    for (number, line) in lines.enumerated() {
        let prefix = logPrefixes[(Int(choice) + number) % logPrefixes.count]
        lineStarts.append((log.count, prefix.count))
        log += prefix
        log += line
        log.append(0x0A)
    }
    let whole = logTranscript(BytesInput(log), blockSize: 1 << 20)
    for step in [1, 3, 7] {
        let dribbled = logTranscript(DribbleInput(log, step: step), blockSize: 16)
        fuzzCheck(dribbled.documents == whole.documents && dribbled.skipped == whole.skipped,
                  "log mode read \(step) bytes at a time differs")
    }
    // Parsed callbacks only: a broken array's record sits at the byte that
    // broke it, which may start the next line (as in a stream).
    var callbackLines = Set<Int>()
    for (start, parsed) in zip(whole.starts, whole.parsed) where parsed {
        let line = lineStarts.lastIndex { $0.start <= start }!
        fuzzCheck(start >= lineStarts[line].start + lineStarts[line].prefix, "a callback starts inside its line's prefix, at \(start)")
        callbackLines.insert(line)
    }
    fuzzCheck(callbackLines.count + whole.skipped <= lines.count, "more lines with callbacks and skipped lines than lines")
    // A line that is one clean JSON object reads as the plain line does, moved by its prefix.
    // (`{}` and `{main}` are prefix, not callbacks: only a line whose object opens with a key counts.)
    for (number, line) in lines.enumerated() where line.first == UInt8(ascii: "{") {
        let opensWithAKey = Array(line).withUnsafeBytes { LogLine.callbackStart(in: $0, from: 0, to: $0.count) == 0 }
        guard opensWithAKey, let plain = plainLineFindings(line) else { continue }
        let place = lineStarts[number]
        guard let document = whole.starts.indices.first(where: { whole.starts[$0] == place.start + place.prefix && whole.parsed[$0] }) else {
            fuzzFailure("line \(number + 1), one clean JSON object, was not read as a callback")
        }
        let moved = plain.map { LogFinding(rule: $0.rule, offset: $0.offset + place.start + place.prefix, pointer: $0.pointer) }
        let logged = whole.documents[document].map { LogFinding(rule: $0.rule, offset: $0.offset, pointer: $0.pointer) }
        fuzzCheck(logged == moved, "line \(number + 1) read as a log differs from the plain line: \(logged) against \(moved)")
    }
    return 0
}
