/// The byte-level scanning under `JSONParser`: whitespace, strings, numbers,
/// literals, and the precise error for a byte that cannot start a value.
struct ByteScanner {
    let bytes: UnsafeRawBufferPointer
    let count: Int
    /// False while more input may still arrive after the buffer's end.
    let isFinal: Bool

    init(bytes: UnsafeRawBufferPointer, isFinal: Bool) {
        self.bytes = bytes
        self.count = bytes.count
        self.isFinal = isFinal
    }

    struct Stop: Error { let outcome: JSONParser.Outcome }
    struct ScannedString { let end: Int; let hasEscapes: Bool }

    @inline(__always) subscript(i: Int) -> UInt8 { bytes[i] }

    @inline(__always) func skipWhitespace(from start: Int) -> Int {
        var i = start
        while i < count {
            let byte = bytes[i]
            // Everything above the space is not whitespace: one compare in the usual case.
            guard byte <= 0x20, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { break }
            i += 1
        }
        return i
    }

    func endOfInput(at i: Int, expected problem: JSONReadProblem) -> JSONParser.Outcome {
        isFinal ? .failed(JSONReadError(problem: problem, offset: i)) : .needsMoreInput
    }

    /// What stands at `i`, as a message would name it.
    func found(at i: Int) -> JSONReadProblem.Found {
        guard i < count else { return .endOfInput }
        if case .scalar(let scalar, _) = UTF8Sequence.decode(bytes, at: i, count: count), bytes[i] >= 0x80 {
            return .scalar(scalar)
        }
        return .byte(bytes[i])
    }

    /// An unexpected byte: an encoding error when it is not UTF-8 at all.
    func unexpected(at i: Int, _ problem: (JSONReadProblem.Found) -> JSONReadProblem) -> JSONParser.Outcome {
        let byte = bytes[i]
        if byte >= 0x80 {
            switch UTF8Sequence.decode(bytes, at: i, count: count) {
            case .invalid: return .failed(JSONReadError(problem: .invalidUTF8(byte), offset: i))
            case .truncated:
                return isFinal ? .failed(JSONReadError(problem: .invalidUTF8(byte), offset: i)) : .needsMoreInput
            case .scalar: break
            }
        }
        return .failed(JSONReadError(problem: problem(found(at: i)), offset: i))
    }

    func valueStartError(at i: Int) -> JSONParser.Outcome {
        switch bytes[i] {
        case UInt8(ascii: "'"): return .failed(JSONReadError(problem: .singleQuote, offset: i))
        case UInt8(ascii: "/"): return .failed(JSONReadError(problem: .comment, offset: i))
        case UInt8(ascii: "+"): return .failed(JSONReadError(problem: .leadingPlus, offset: i))
        case UInt8(ascii: "."): return .failed(JSONReadError(problem: .leadingDot, offset: i))
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            let word: StaticString = bytes[i] == UInt8(ascii: "N") ? "NaN" : "Infinity"
            switch match(word, at: i) {
            case .whole: return .failed(JSONReadError(problem: .nonFiniteLiteral(word.description), offset: i))
            case .cut: return .needsMoreInput
            case .none: break
            }
        default: break
        }
        return unexpected(at: i) { .expectedValue(found: $0) }
    }

    /// A byte where a separator belongs: a '/' there can only start a comment.
    func separatorError(at i: Int, _ problem: (JSONReadProblem.Found) -> JSONReadProblem) -> JSONParser.Outcome {
        if bytes[i] == UInt8(ascii: "/") { return .failed(JSONReadError(problem: .comment, offset: i)) }
        return unexpected(at: i, problem)
    }

    enum WordMatch { case whole, cut, none }

    /// Whether `word` stands at `i`. `.cut` when the buffer ends inside it
    /// and more input may follow: the same input must get the same message
    /// wherever a block happens to end.
    func match(_ word: StaticString, at i: Int) -> WordMatch {
        let start = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount {
            guard i + k < count else { return isFinal ? .none : .cut }
            if bytes[i + k] != start[k] { return .none }
        }
        return .whole
    }

    // MARK: Literals

    func scanLiteral(at i: Int) -> Result<(JSONKind, Int), Stop> {
        let (word, kind): (StaticString, JSONKind) =
            switch bytes[i] {
            case UInt8(ascii: "t"): ("true", .true)
            case UInt8(ascii: "f"): ("false", .false)
            default: ("null", .null)
            }
        let letters = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount {
            guard i + k < count else {
                return .failure(Stop(outcome: endOfInput(at: i + k, expected: .invalidLiteral(expected: word.description))))
            }
            if bytes[i + k] != letters[k] {
                return .failure(Stop(outcome: unexpected(at: i + k) { _ in .invalidLiteral(expected: word.description) }))
            }
        }
        return .success((kind, i + word.utf8CodeUnitCount))
    }

    // MARK: Numbers

    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    func scanNumber(at start: Int) -> Result<Int, Stop> {
        var i = start
        if bytes[i] == UInt8(ascii: "-") {
            i += 1
            switch match("Infinity", at: i) {
            case .whole: return .failure(Stop(outcome: .failed(JSONReadError(problem: .nonFiniteLiteral("-Infinity"), offset: start))))
            case .cut: return .failure(Stop(outcome: .needsMoreInput))
            case .none: break
            }
        }
        guard i < count else { return .failure(Stop(outcome: endOfInput(at: i, expected: .expectedDigit(after: "-", found: .endOfInput)))) }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < count && isDigit(bytes[i]) {
                return .failure(Stop(outcome: .failed(JSONReadError(problem: .leadingZero, offset: i))))
            }
        } else if isDigit(bytes[i]) {
            i += 1
            while i < count && isDigit(bytes[i]) { i += 1 }
        } else {
            return .failure(Stop(outcome: unexpected(at: i) { .expectedDigit(after: "-", found: $0) }))
        }
        if i < count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard let end = digits(from: i, after: ".") else { return .failure(Stop(outcome: digitError(at: i, after: "."))) }
            i = end
        }
        if i < count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            let marker = bytes[i] == UInt8(ascii: "e") ? "e" : "E"
            i += 1
            if i < count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard let end = digits(from: i, after: marker) else { return .failure(Stop(outcome: digitError(at: i, after: marker))) }
            i = end
        }
        // A number cut by the buffer's end may go on in the next block.
        if i == count && !isFinal { return .failure(Stop(outcome: .needsMoreInput)) }
        return .success(i)
    }

    /// One or more digits from `i`; nil when there is none.
    private func digits(from start: Int, after: String) -> Int? {
        var i = start
        while i < count && isDigit(bytes[i]) { i += 1 }
        return i == start ? nil : i
    }

    private func digitError(at i: Int, after: String) -> JSONParser.Outcome {
        guard i < count else { return endOfInput(at: i, expected: .expectedDigit(after: after, found: .endOfInput)) }
        return unexpected(at: i) { .expectedDigit(after: after, found: $0) }
    }

    // MARK: Strings

    /// The end of a string that is printable ASCII without escapes (nearly
    /// every key and value); -1 for any other string, which `scanString` reads.
    @inline(__always) func scanPlainString(at quote: Int) -> Int {
        let stop = skipPlainStringBytes(from: quote + 1)
        return stop < count && bytes[stop] == UInt8(ascii: "\"") ? stop + 1 : -1
    }

    func scanString(at quote: Int) -> Result<ScannedString, Stop> {
        var i = quote + 1
        var hasEscapes = false
        while true {
            i = skipPlainStringBytes(from: i)
            guard i < count else { return .failure(Stop(outcome: unterminated(quote, at: i))) }
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""):
                return .success(ScannedString(end: i + 1, hasEscapes: hasEscapes))
            case UInt8(ascii: "\\"):
                hasEscapes = true
                switch scanEscape(at: i, quote: quote) {
                case .success(let next): i = next
                case .failure(let stop): return .failure(stop)
                }
            case 0x0A, 0x0D:
                guard let problem = lineBreakProblem(quote, at: i) else { return .failure(Stop(outcome: .needsMoreInput)) }
                return .failure(Stop(outcome: .failed(JSONReadError(problem: problem, offset: i))))
            case 0..<0x20:
                return .failure(Stop(outcome: .failed(JSONReadError(problem: .controlCharacter(byte), offset: i))))
            case 0x80...:
                switch UTF8Sequence.decode(bytes, at: i, count: count) {
                case .scalar(_, let length): i += length
                case .truncated:
                    if !isFinal { return .failure(Stop(outcome: .needsMoreInput)) }
                    return .failure(Stop(outcome: .failed(JSONReadError(problem: .invalidUTF8(byte), offset: i))))
                case .invalid:
                    return .failure(Stop(outcome: .failed(JSONReadError(problem: .invalidUTF8(byte), offset: i))))
                }
            default:
                i += 1
            }
        }
    }

    /// A line break in a string: a raw one inside a string that goes on
    /// (the next quote closes it, followed by what may follow a string), or
    /// a string left open at the end of its line. Only reached on failure,
    /// so the look ahead costs valid input nothing; it reads at most
    /// `lineBreakLookAhead` bytes, and nil asks for more input when those
    /// are not all here yet (the answer must not depend on where a block ends).
    private func lineBreakProblem(_ quote: Int, at lineBreak: Int) -> JSONReadProblem? {
        let limit = lineBreak + Self.lineBreakLookAhead
        var i = lineBreak + 1
        while i < min(count, limit) {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""):
                let next = skipWhitespace(from: i + 1)
                guard next < count else { return isFinal ? .rawLineBreak(bytes[lineBreak]) : nil }
                switch bytes[next] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ":"):
                    return .rawLineBreak(bytes[lineBreak])
                default:
                    return .unterminatedString(startOffset: quote)
                }
            default: i += 1
            }
        }
        return i < limit && !isFinal ? nil : .unterminatedString(startOffset: quote)
    }

    /// How far past a line break in a string the reader looks for the quote that would close it.
    static let lineBreakLookAhead = 4096

    private func unterminated(_ quote: Int, at i: Int) -> JSONParser.Outcome {
        endOfInput(at: i, expected: .unterminatedString(startOffset: quote))
    }

    /// Skips bytes that need no attention: printable ASCII other than `"` and `\\`.
    /// The tail, eight at a time: a byte is special when it is below 0x20, at or above
    /// 0x80, or equal to 0x22 or 0x5C (the classic has-zero-byte tests). Their
    /// borrows only ever mark bytes after a truly special one, so the lowest
    /// mark is the first special byte and the scan stops right on it.
    @inline(__always) private func skipPlainStringBytes(from start: Int) -> Int {
        var i = start
        // Sixteen at a time first, as one vector compare per kind of special
        // byte: read as signed, a byte at or above 0x80 is below the space
        // too. (The vectors must be spelled out: the scalar forms of `.<`
        // and `any` compiled to a loop over the lanes.) The mask's lanes,
        // read as two words, say where the first special byte is.
        let space = SIMD16<Int8>(repeating: 0x20), quote = SIMD16<Int8>(repeating: 0x22)
        let backslash = SIMD16<Int8>(repeating: 0x5C)
        while i + 16 <= count {
            let block = bytes.loadUnaligned(fromByteOffset: i, as: SIMD16<Int8>.self)
            let special = (block .< space) .| (block .== quote) .| (block .== backslash)
            let lanes = unsafeBitCast(special, to: SIMD2<UInt64>.self)
            if lanes[0] | lanes[1] != 0 {
                return lanes[0] != 0
                    ? i + lanes[0].littleEndian.trailingZeroBitCount >> 3
                    : i + 8 + lanes[1].littleEndian.trailingZeroBitCount >> 3
            }
            i += 16
        }
        // Then what is left, eight at a time.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            let special = ((word &- ones &* 0x20)
                | (quotes &- ones) & ~quotes
                | (backslashes &- ones) & ~backslashes
                | word) & highs
            if special != 0 { return i + special.littleEndian.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < count {
            let byte = bytes[i]
            if byte < 0x20 || byte >= 0x80 || byte == 0x22 || byte == 0x5C { break }
            i += 1
        }
        return i
    }

    private func scanEscape(at backslash: Int, quote: Int) -> Result<Int, Stop> {
        let i = backslash + 1
        guard i < count else { return .failure(Stop(outcome: unterminated(quote, at: i))) }
        switch bytes[i] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return .success(i + 1)
        case UInt8(ascii: "u"):
            let first: UInt16
            switch hexQuad(at: i + 1, quote: quote) {
            case .success(let value): first = value
            case .failure(let stop): return .failure(stop)
            }
            let afterFirst = i + 5
            if first & 0xFC00 == 0xDC00 {
                return .failure(Stop(outcome: .failed(JSONReadError(problem: .loneSurrogate(first), offset: backslash))))
            }
            guard first & 0xFC00 == 0xD800 else { return .success(afterFirst) }
            // A high surrogate must be followed at once by an escaped low one.
            guard afterFirst + 1 < count else {
                if !isFinal { return .failure(Stop(outcome: .needsMoreInput)) }
                return .failure(Stop(outcome: .failed(JSONReadError(problem: .loneSurrogate(first), offset: backslash))))
            }
            guard bytes[afterFirst] == UInt8(ascii: "\\"), bytes[afterFirst + 1] == UInt8(ascii: "u") else {
                return .failure(Stop(outcome: .failed(JSONReadError(problem: .loneSurrogate(first), offset: backslash))))
            }
            switch hexQuad(at: afterFirst + 2, quote: quote) {
            case .success(let second) where second & 0xFC00 == 0xDC00: return .success(afterFirst + 6)
            case .success: return .failure(Stop(outcome: .failed(JSONReadError(problem: .loneSurrogate(first), offset: backslash))))
            case .failure(let stop): return .failure(stop)
            }
        default:
            return .failure(Stop(outcome: unexpected(at: i) { .invalidEscape(found: $0) }))
        }
    }

    private func hexQuad(at start: Int, quote: Int) -> Result<UInt16, Stop> {
        var value: UInt16 = 0
        for i in start..<start + 4 {
            guard i < count else { return .failure(Stop(outcome: unterminated(quote, at: i))) }
            guard let digit = hexValue(bytes[i]) else {
                if bytes[i] == UInt8(ascii: "\"") {
                    return .failure(Stop(outcome: .failed(JSONReadError(problem: .invalidUnicodeEscape(found: .byte(bytes[i])), offset: i))))
                }
                return .failure(Stop(outcome: unexpected(at: i) { .invalidUnicodeEscape(found: $0) }))
            }
            value = value << 4 | UInt16(digit)
        }
        return .success(value)
    }
}

@inline(__always) func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}
