import VODHookCore

/// A random JSON value for property tests, with its strings and numbers
/// already spelled, so the same value can be written out again with other
/// whitespace and key orders (or, on request, other spellings).
indirect enum RandomJSON {
    case object([(key: Spelled, value: RandomJSON)])
    case array([RandomJSON])
    case string(Spelled)
    case number(RandomNumber, spelling: String)
    case literal(String)

    struct Spelled {
        var scalars: [Unicode.Scalar]
        var spelling: String
    }
}

/// ±digits × 10^exponent, or a literal kept as is (100 digits, 1e400).
struct RandomNumber {
    var isNegative: Bool
    /// No leading zeros; "0" for zero.
    var digits: String
    var exponent: Int
    var fixedSpelling: String?
}

/// Builds random documents and their texts from a seeded generator.
struct RandomJSONGenerator {
    var random: SplitMix64
    /// Keep every number within double range, for canonical output.
    var finiteNumbers: Bool

    init(seed: UInt64, finiteNumbers: Bool) {
        random = SplitMix64(seed: seed)
        self.finiteNumbers = finiteNumbers
    }

    // MARK: Values

    mutating func document() -> RandomJSON {
        // Mostly callback-like shallow objects, sometimes deep chains.
        if chance(1, in: 10) { return chain(depth: Int.random(in: 10...80, using: &random)) }
        let depth = Int.random(in: 1...4, using: &random)
        if chance(1, in: 8) { return value(depth: depth) }
        return object(depth: depth)
    }

    /// Deep but narrow: one container per level among shallow siblings, since
    /// random branching at every level would grow without bound.
    mutating func chain(depth: Int) -> RandomJSON {
        guard depth > 0 else { return value(depth: 2) }
        let inner = chain(depth: depth - 1)
        if chance(1, in: 2) {
            var elements = (0..<Int.random(in: 0...2, using: &random)).map { _ in value(depth: 0) }
            elements.insert(inner, at: Int.random(in: 0...elements.count, using: &random))
            return .array(elements)
        }
        guard case .object(var members) = object(depth: 0) else { return inner }
        var key = string(maxLength: 6)
        while members.contains(where: { $0.key.scalars == key.scalars }) {
            key.scalars.append("~")
            key.spelling = key.spelling.dropLast() + "~\""
        }
        members.insert((key, inner), at: Int.random(in: 0...members.count, using: &random))
        return .object(members)
    }

    mutating func value(depth: Int) -> RandomJSON {
        let roll = Int.random(in: 0..<10, using: &random)
        if depth > 0 && roll < 2 { return object(depth: depth - 1) }
        if depth > 0 && roll < 4 {
            let count = Int.random(in: 0...5, using: &random)
            return .array((0..<count).map { _ in value(depth: depth - 1) })
        }
        switch roll {
        case 4, 5: return .string(string(maxLength: 12))
        case 6, 7:
            let number = number()
            return .number(number, spelling: spell(number))
        default: return .literal(["true", "false", "null"][Int.random(in: 0..<3, using: &random)])
        }
    }

    mutating func object(depth: Int) -> RandomJSON {
        // Now and then a wide object of scalars, past the small-object sort.
        let count = depth == 0 && chance(1, in: 6) ? Int.random(in: 17...40, using: &random) : Int.random(in: 0...7, using: &random)
        var members: [(key: RandomJSON.Spelled, value: RandomJSON)] = []
        var seen = Set<[Unicode.Scalar]>()
        for _ in 0..<count {
            var key = string(maxLength: 6)
            // JavaScript lists integer-like keys first, which would spoil the
            // comparison with node; a letter in front avoids it.
            if key.scalars.allSatisfy({ ("0"..."9").contains($0) }) {
                key.scalars.insert("k", at: 0)
                key.spelling = "\"k" + key.spelling.dropFirst()
            }
            guard seen.insert(key.scalars).inserted else { continue }
            members.append((key, value(depth: depth)))
        }
        return .object(members)
    }

    // MARK: Strings

    mutating func string(maxLength: Int) -> RandomJSON.Spelled {
        let length = Int.random(in: 0...maxLength, using: &random)
        let scalars = (0..<length).map { _ in scalar() }
        return RandomJSON.Spelled(scalars: scalars, spelling: spell(scalars))
    }

    private mutating func scalar() -> Unicode.Scalar {
        let value: UInt32
        switch Int.random(in: 0..<12, using: &random) {
        case 0..<4: value = UInt32.random(in: 0x20...0x7E, using: &random)
        case 4: value = [0x22, 0x5C, 0x2F, 0x7F][Int.random(in: 0..<4, using: &random)]
        case 5: value = UInt32.random(in: 0x00...0x1F, using: &random)
        case 6: value = UInt32.random(in: 0x80...0x7FF, using: &random)
        case 7: value = UInt32.random(in: 0x800...0xD7FF, using: &random)
        // Above the surrogates: the range whose UTF-16 order differs from UTF-8's.
        case 8: value = UInt32.random(in: 0xE000...0xFFFF, using: &random)
        case 9: value = [0x2028, 0x2029, 0xFEFF, 0x20AC][Int.random(in: 0..<4, using: &random)]
        default: value = UInt32.random(in: 0x10000...0x10FFFF, using: &random)
        }
        return Unicode.Scalar(value)!
    }

    /// A JSON string literal for `scalars`, escaping what must be and, at
    /// random, what may be.
    mutating func spell(_ scalars: [Unicode.Scalar]) -> String {
        var text = "\""
        for scalar in scalars {
            let mayEscape = chance(1, in: 4)
            switch scalar.value {
            case 0x22: text += #"\""#
            case 0x5C: text += #"\\"#
            case 0x2F: text += mayEscape ? #"\/"# : "/"
            case 0x08, 0x09, 0x0A, 0x0C, 0x0D:
                let short = [0x08: #"\b"#, 0x09: #"\t"#, 0x0A: #"\n"#, 0x0C: #"\f"#, 0x0D: #"\r"#][scalar.value]!
                text += mayEscape ? unicodeEscape(scalar.value) : short
            case 0x00..<0x20: text += unicodeEscape(scalar.value)
            case 0x10000... where mayEscape:
                let offset = scalar.value - 0x10000
                text += unicodeEscape(0xD800 + offset >> 10) + unicodeEscape(0xDC00 + offset & 0x3FF)
            default: text += mayEscape ? unicodeEscape(scalar.value) : String(Character(scalar))
            }
        }
        return text + "\""
    }

    private mutating func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        let padded = String(repeating: "0", count: 4 - hex.count) + hex
        return #"\u"# + (chance(1, in: 2) ? padded.uppercased() : padded)
    }

    // MARK: Numbers

    mutating func number() -> RandomNumber {
        let isNegative = chance(1, in: 3)
        if !finiteNumbers && chance(1, in: 10) {
            let fixed = ["1e400", "-1E+999", "0.1e-400", String(repeating: "9876543210", count: 10), "-0", "1.50"]
            return RandomNumber(isNegative: false, digits: "0", exponent: 0, fixedSpelling: fixed[Int.random(in: 0..<fixed.count, using: &random)])
        }
        if chance(1, in: 10) { return RandomNumber(isNegative: isNegative, digits: "0", exponent: 0, fixedSpelling: nil) }
        let count = chance(1, in: 5) ? Int.random(in: 17...40, using: &random) : Int.random(in: 1...17, using: &random)
        var digits = String(Int.random(in: 1...9, using: &random))
        for _ in 1..<count { digits += String(Int.random(in: 0...9, using: &random)) }
        // Decimal magnitude digits + exponent stays well inside double range.
        let exponent = chance(1, in: 2) ? 0 : Int.random(in: (-290 - count)...(290 - count), using: &random)
        return RandomNumber(isNegative: isNegative, digits: digits, exponent: exponent, fixedSpelling: nil)
    }

    /// One of the many exact spellings of the number's value.
    mutating func spell(_ number: RandomNumber) -> String {
        if let fixed = number.fixedSpelling { return fixed }
        let sign = number.isNegative ? "-" : ""
        let digits = number.digits
        var exponent = number.exponent
        var mantissa: String
        switch Int.random(in: 0..<3, using: &random) {
        case 0 where digits.count > 1:
            // A point inside the digits: 12345e2 as 123.45e4.
            let split = Int.random(in: 1..<digits.count, using: &random)
            mantissa = String(digits.prefix(split)) + "." + String(digits.dropFirst(split))
            exponent += digits.count - split
        case 1 where digits != "0":
            // Leading fraction zeros: 123e0 as 0.00123e5.
            let zeros = Int.random(in: 0...3, using: &random)
            mantissa = "0." + String(repeating: "0", count: zeros) + digits
            exponent += digits.count + zeros
        default:
            mantissa = digits
        }
        if chance(1, in: 3) { mantissa += (mantissa.contains(".") ? "" : ".") + String(repeating: "0", count: Int.random(in: 1...2, using: &random)) }
        guard exponent != 0 || chance(1, in: 4) else { return sign + mantissa }
        let marker = chance(1, in: 2) ? "e" : "E"
        let exponentSign = exponent < 0 ? "-" : (chance(1, in: 2) ? "+" : "")
        return sign + mantissa + marker + exponentSign + String(exponent.magnitude)
    }

    // MARK: Texts

    /// How to write a value out again.
    struct Style {
        var whitespace = true
        var shuffleKeys = false
        /// Fresh spellings for strings and numbers instead of the stored ones.
        var respell = false
    }

    mutating func text(of value: RandomJSON, style: Style) -> String {
        var text = ""
        write(value, style: style, into: &text)
        return text
    }

    private mutating func write(_ value: RandomJSON, style: Style, into text: inout String) {
        switch value {
        case .object(var members):
            if style.shuffleKeys { members.shuffle(using: &random) }
            text += "{"
            for (position, member) in members.enumerated() {
                if position > 0 { text += "," }
                space(style, &text)
                text += style.respell ? spell(member.key.scalars) : member.key.spelling
                space(style, &text)
                text += ":"
                space(style, &text)
                write(member.value, style: style, into: &text)
                space(style, &text)
            }
            if members.isEmpty { space(style, &text) }
            text += "}"
        case .array(let elements):
            text += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { text += "," }
                space(style, &text)
                write(element, style: style, into: &text)
                space(style, &text)
            }
            if elements.isEmpty { space(style, &text) }
            text += "]"
        case .string(let string):
            text += style.respell ? spell(string.scalars) : string.spelling
        case .number(let number, let spelling):
            text += style.respell ? spell(number) : spelling
        case .literal(let literal):
            text += literal
        }
    }

    private mutating func space(_ style: Style, _ text: inout String) {
        guard style.whitespace, chance(1, in: 3) else { return }
        text += [" ", "\n", "\t", "\r\n", "  ", "\n    "][Int.random(in: 0..<6, using: &random)]
    }

    private mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
        Int.random(in: 0..<denominator, using: &random) < numerator
    }
}
