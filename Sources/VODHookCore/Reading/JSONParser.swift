/// A strict RFC 8259 parser that turns one JSON value into a tape of nodes.
///
/// It never recurses (hostile nesting cannot overflow the stack), allocates
/// nothing per value (the tape and stack are reused across documents) and
/// decodes no strings: it only validates them and records where they are.
public struct JSONParser {
    /// Nesting deeper than this is a `json-depth` error, never a crash.
    public static let maxDepth = 512
    /// More values and keys than this in one document is a `json-size`
    /// error: the tape costs 32 bytes a node and `[0,0,...]` is two bytes a
    /// node, so without a cap a document could cost sixteen times its size.
    /// This caps the tape at 64 MiB and still reads an object of a million keys.
    public static let maxValues = 1 << 21

    /// `maxValues` unless a test wants a smaller cap.
    var valueLimit = JSONParser.maxValues

    public private(set) var tape: [JSONNode] = []
    /// Where a value is built before it becomes `tape`; a copy of the parser
    /// gets its own on first use, so copies never share it.
    private var scratch = ParserScratch()

    public init() {
        tape.reserveCapacity(64)
    }

    public enum Outcome: Sendable, Hashable {
        /// The value ends just before `end`.
        case complete(end: Int)
        /// The buffer ended inside the value and more input may follow.
        case needsMoreInput
        case failed(JSONReadError)
    }

    /// Parses one value starting at `start` (whitespace before it is skipped).
    /// `depth` is the nesting the value already sits at (1 inside an unpacked array).
    ///
    /// One function on purpose (issue 25.6): split into `@inline(__always)`
    /// helpers for containers, strings, numbers, literals and closing, with
    /// a step enum between them, it cost 372 more instructions a document on
    /// the DeleteMediaComplete corpus (5,303 → 5,675, `check --quiet`) and
    /// 912 more on the lifecycle one (callgrind, 2026-12-07).
    public mutating func parseValue(
        in bytes: UnsafeRawBufferPointer, from start: Int, isFinal: Bool, depth: Int = 0
    ) -> Outcome {
        if !isKnownUniquelyReferenced(&scratch) { scratch = ParserScratch() }
        var tape = TapeBuilder(scratch)
        // Every outcome leaves the tape as far as it got, as an array.
        defer { self.tape.replaceContents(with: tape.nodes) }
        var scanner = ByteScanner(bytes: bytes, isFinal: isFinal)
        var i = start
        // After a key's ':' or an array's '[' / ',' the parser wants a value;
        // after a value it wants a separator or a closer.
        wantValue: while true {
            guard tape.count < valueLimit else {
                return .failed(JSONReadError(problem: .tooManyValues(limit: valueLimit), offset: scanner.skipWhitespace(from: i)))
            }
            i = scanner.skipWhitespace(from: i)
            guard i < scanner.count else { return scanner.endOfInput(at: i, expected: .expectedValue(found: .endOfInput)) }
            let byte = scanner[i]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard tape.openCount + depth < Self.maxDepth else {
                    return .failed(JSONReadError(problem: .tooDeep(limit: Self.maxDepth), offset: i))
                }
                let isObject = byte == UInt8(ascii: "{")
                tape.open(tape.count)
                tape.append(JSONNode(start: i, end: i, next: 0, count: 0, kind: isObject ? .object : .array, hasEscapes: false))
                i = scanner.skipWhitespace(from: i + 1)
                guard i < scanner.count else {
                    let found: JSONReadProblem = isObject ? .expectedKey(found: .endOfInput) : .expectedValue(found: .endOfInput)
                    return scanner.endOfInput(at: i, expected: found)
                }
                if isObject {
                    if scanner[i] == UInt8(ascii: "}") {
                        i = Self.closeContainer(&tape, at: i)
                    } else {
                        let next = Self.plainMember(&tape, scanner, at: i, limit: valueLimit)
                        if next >= 0 { i = next; continue wantValue }
                        switch Self.parseMember(&tape, &scanner, at: i, limit: valueLimit) {
                        case .value(let next): i = next; continue wantValue
                        case .stop(let outcome): return outcome
                        }
                    }
                } else if scanner[i] == UInt8(ascii: "]") {
                    i = Self.closeContainer(&tape, at: i)
                } else {
                    // The array opened just above.
                    tape[tape.top!].count += 1
                    continue wantValue
                }
            case UInt8(ascii: "\""):
                let plainEnd = scanner.scanPlainString(at: i)
                if plainEnd >= 0 {
                    tape.append(JSONNode(start: i, end: plainEnd, next: Int32(tape.count + 1), count: 0, kind: .string, hasEscapes: false))
                    i = plainEnd
                    break
                }
                switch scanner.scanString(at: i) {
                case .success(let scanned):
                    tape.append(JSONNode(start: i, end: scanned.end, next: Int32(tape.count + 1), count: 0, kind: .string, hasEscapes: scanned.hasEscapes))
                    i = scanned.end
                case .failure(let stop): return stop.outcome
                }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                switch scanner.scanNumber(at: i) {
                case .success(let end):
                    tape.append(JSONNode(start: i, end: end, next: Int32(tape.count + 1), count: 0, kind: .number, hasEscapes: false))
                    i = end
                case .failure(let stop): return stop.outcome
                }
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                switch scanner.scanLiteral(at: i) {
                case .success(let (kind, end)):
                    tape.append(JSONNode(start: i, end: end, next: Int32(tape.count + 1), count: 0, kind: kind, hasEscapes: false))
                    i = end
                case .failure(let stop): return stop.outcome
                }
            default:
                return scanner.valueStartError(at: i)
            }

            // A value just ended: close containers until one wants another value.
            while let top = tape.top {
                i = scanner.skipWhitespace(from: i)
                let isObject = tape[top].kind == .object
                guard i < scanner.count else {
                    let problem: JSONReadProblem = isObject
                        ? .expectedCommaOrBrace(found: .endOfInput) : .expectedCommaOrBracket(found: .endOfInput)
                    return scanner.endOfInput(at: i, expected: problem)
                }
                let byte = scanner[i]
                if byte == UInt8(ascii: ",") {
                    let comma = i
                    i = scanner.skipWhitespace(from: i + 1)
                    guard i < scanner.count else {
                        let problem: JSONReadProblem = isObject ? .expectedKey(found: .endOfInput) : .expectedValue(found: .endOfInput)
                        return scanner.endOfInput(at: i, expected: problem)
                    }
                    let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    if scanner[i] == closer {
                        return .failed(JSONReadError(problem: .trailingComma(closer: closer), offset: comma))
                    }
                    if isObject {
                        let next = Self.plainMember(&tape, scanner, at: i, limit: valueLimit)
                        if next >= 0 { i = next; continue wantValue }
                        switch Self.parseMember(&tape, &scanner, at: i, limit: valueLimit) {
                        case .value(let next): i = next; continue wantValue
                        case .stop(let outcome): return outcome
                        }
                    }
                    tape[top].count += 1
                    continue wantValue
                }
                if byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    i = Self.closeContainer(&tape, at: i)
                    continue
                }
                return scanner.separatorError(at: i) { isObject ? .expectedCommaOrBrace(found: $0) : .expectedCommaOrBracket(found: $0) }
            }
            return .complete(end: i)
        }
    }

    /// Moves every node by `delta` bytes, for a reader that moved the bytes
    /// under a finished tape.
    mutating func shiftTape(by delta: Int) {
        for index in tape.indices {
            tape[index].start += delta
            tape[index].end += delta
        }
    }

    private enum MemberStep {
        case value(at: Int)
        case stop(Outcome)
    }

    /// The usual member start, `"key":` with a plain key and no space before
    /// the colon, read inline; -1 leaves anything else to `parseMember`.
    @inline(__always)
    private static func plainMember(_ tape: inout TapeBuilder, _ scanner: ByteScanner, at start: Int, limit: Int) -> Int {
        guard scanner[start] == UInt8(ascii: "\""), tape.count < limit else { return -1 }
        let keyEnd = scanner.scanPlainString(at: start)
        guard keyEnd >= 0, keyEnd < scanner.count, scanner[keyEnd] == UInt8(ascii: ":") else { return -1 }
        tape.append(JSONNode(start: start, end: keyEnd, next: Int32(tape.count + 1), count: 0, kind: .string, hasEscapes: false))
        // A member is only read inside an open object.
        tape[tape.top!].count += 1
        return keyEnd + 1
    }

    /// Reads `"key" :` and leaves the parser wanting the member's value.
    private static func parseMember(
        _ tape: inout TapeBuilder, _ scanner: inout ByteScanner, at start: Int, limit: Int
    ) -> MemberStep {
        let byte = scanner[start]
        guard byte == UInt8(ascii: "\"") else {
            if byte == UInt8(ascii: "'") { return .stop(.failed(JSONReadError(problem: .singleQuote, offset: start))) }
            if byte == UInt8(ascii: "/") { return .stop(.failed(JSONReadError(problem: .comment, offset: start))) }
            return .stop(scanner.unexpected(at: start) { .expectedKey(found: $0) })
        }
        guard tape.count < limit else {
            return .stop(.failed(JSONReadError(problem: .tooManyValues(limit: limit), offset: start)))
        }
        var keyEnd = scanner.scanPlainString(at: start)
        if keyEnd >= 0 {
            tape.append(JSONNode(start: start, end: keyEnd, next: Int32(tape.count + 1), count: 0, kind: .string, hasEscapes: false))
        } else {
            switch scanner.scanString(at: start) {
            case .success(let scanned):
                tape.append(JSONNode(start: start, end: scanned.end, next: Int32(tape.count + 1), count: 0, kind: .string, hasEscapes: scanned.hasEscapes))
                keyEnd = scanned.end
            case .failure(let stop): return .stop(stop.outcome)
            }
        }
        let colon = scanner.skipWhitespace(from: keyEnd)
        guard colon < scanner.count else {
            return .stop(scanner.endOfInput(at: colon, expected: .expectedColon(found: .endOfInput)))
        }
        guard scanner[colon] == UInt8(ascii: ":") else {
            return .stop(scanner.separatorError(at: colon) { .expectedColon(found: $0) })
        }
        // A member is only read inside an open object.
        tape[tape.top!].count += 1
        return .value(at: colon + 1)
    }

    private static func closeContainer(_ tape: inout TapeBuilder, at closer: Int) -> Int {
        let index = tape.close()
        tape[index].end = closer + 1
        tape[index].next = Int32(tape.count)
        return closer + 1
    }
}

extension Array where Element == JSONNode {
    /// Makes the array hold exactly `nodes`, reusing its storage. Emptying
    /// it and appending the lot went through the generic range replacement,
    /// ~220 instructions a document; consecutive documents' tapes differ in
    /// length by a few nodes, so this copies over the common length and
    /// appends or removes only the difference (~50 instructions fewer).
    mutating func replaceContents(with nodes: UnsafeBufferPointer<JSONNode>) {
        // Far apart in length (a first or an unusual document), the plain way.
        guard abs(count - nodes.count) <= 8, let source = nodes.baseAddress else {
            removeAll(keepingCapacity: true)
            append(contentsOf: nodes)
            return
        }
        while count > nodes.count { removeLast() }
        let common = count
        withUnsafeMutableBufferPointer { $0.baseAddress?.update(from: source, count: common) }
        for index in common..<nodes.count { append(nodes[index]) }
    }
}
