import Testing
@testable import VODHookCore

/// The writer's shortcuts (whole members copied, integers copied, plain keys
/// sorted by a seven-byte prefix) against its general path, which they
/// must match byte for byte in every layout and in canonical output.
@Suite struct WriterShortcutTests {
    /// Keys chosen to meet every branch of the prefix sort: shared eight-byte
    /// prefixes, keys shorter than eight bytes and prefixes of each other,
    /// non-ASCII within and past the first eight bytes (U+E000 and an astral
    /// character sort differently in UTF-16), and escaped spellings.
    private static let keys = [
        #""EventType""#, #""EventTime""#, #""Status""#, #""MediaId""#, #""MediaType""#,
        #""SnapshotCount""#, #""SnapshotType""#, #""Snapshot""#, #""Snapshots""#, #""SnapshotsX""#,
        #""a""#, #""ab""#, #""abcdefgh""#, #""abcdefghi""#, #""""#, #""B""#,
        #""Snapshot\u00e9""#, "\"Snapshot\u{E000}\"", #""Snapshot😀""#, "\"\u{E000}a\"", #""😀""#, #""é""#,
        #""Snap\u0073hotType""#, #""Event\/Type""#, #""x\"y""#,
    ]

    /// Values whose canonical form is their spelling, and values whose is not.
    private static let scalars = [
        "0", "-0", "7", "-12", "123456789012345", "-123456789012345", "1234567890123456", "-1234567890123456",
        "3594.0", "1e2", "-0.0", "1.5E+3", "29.97", "0.000001", "0.0000001", "-0.050", "100.0",
        "123456789012345.0", "12345678901234.56", "0.1234567890123456", "true", "false", "null",
        #""plain""#, #""""#, #""with \"escape\"""#, #""http:\/\/a\/b""#, #""é😀""#, #""\u00e9""#,
    ]

    private struct Generator {
        var random: SplitMix64

        mutating func pick(_ choices: [String]) -> String {
            choices[Int.random(in: 0..<choices.count, using: &random)]
        }

        /// A document's text, compact or with whitespace in random places.
        mutating func value(depth: Int, spaced: Bool) -> String {
            let gap = { (generator: inout Generator) -> String in
                spaced && Int.random(in: 0..<3, using: &generator.random) == 0 ? " " : ""
            }
            switch depth > 0 ? Int.random(in: 0..<6, using: &random) : 5 {
            case 0, 1, 2:
                let count = Int.random(in: 0...(Int.random(in: 0..<8, using: &random) == 0 ? 70 : 8), using: &random)
                let members = (0..<count).map { _ in
                    gap(&self) + pick(Self.keys) + gap(&self) + ":" + gap(&self) + value(depth: depth - 1, spaced: spaced)
                }
                return "{" + members.joined(separator: ",") + gap(&self) + "}"
            case 3:
                let count = Int.random(in: 0...4, using: &random)
                return "[" + (0..<count).map { _ in gap(&self) + value(depth: depth - 1, spaced: spaced) }.joined(separator: ",") + "]"
            default:
                return pick(scalars)
            }
        }

        /// An object of plain and escaped keys and scalar values, most in their canonical spelling.
        mutating func flatObject(spaced: Bool) -> String {
            let canonical = ["0", "7", "-12", "123456789012345", "true", "false", "null", #""plain""#, #""""#, #""é😀""#, "3594.0", "29.970", "-0.0", "0.0", "0.000001"]
            let members = (0..<Int.random(in: 1...(Int.random(in: 0..<10, using: &random) == 0 ? 40 : 10), using: &random)).map { _ in
                let value = Int.random(in: 0..<20, using: &random) == 0 ? pick(scalars) : pick(canonical)
                let plainKeys = Self.keys.filter { key in !key.contains("\\") && key.utf8.allSatisfy { $0 < 0x80 } }
                let key = Int.random(in: 0..<20, using: &random) == 0 ? pick(Self.keys) : pick(plainKeys)
                return key + (spaced && Int.random(in: 0..<30, using: &random) == 0 ? " : " : ":") + value
            }
            return "{" + members.joined(separator: ",") + "}"
        }

        private var scalars: [String] { WriterShortcutTests.scalars }
        private static var keys: [String] { WriterShortcutTests.keys }
    }

    private static func write(_ document: JSONDocument, pretty: Bool, canonical: Bool, order: KeyOrder, shortcuts: Bool) -> [UInt8]? {
        var output: [UInt8] = []
        var numbers = CanonicalNumberNotes()
        let written = TapeWriter.write(
            document, pretty: pretty, canonical: canonical, topLevelOrder: order,
            into: &output, numbers: &numbers, takesShortcuts: shortcuts)
        return written ? output : nil
    }

    @Test(arguments: [false, true]) func shortcutsWriteWhatTheGeneralPathWrites(spaced: Bool) throws {
        var generator = Generator(random: SplitMix64(seed: spaced ? 0x5348_4F52 : 0x5348_4F53))
        let orders = [KeyOrder.source, KeyOrder(["MediaId", "EventType", "Snapshot", "a", "Status"])]
        var shortcutMembers = 0
        for _ in 0..<1_500 {
            let text = generator.value(depth: Int.random(in: 1...3, using: &generator.random), spaced: spaced)
            try WriterHarness.withDocument(Array(text.utf8), allowingFindings: true) { document in
                for order in orders {
                    for (pretty, canonical) in [(false, false), (true, false), (false, true)] where !(canonical && order != .source) {
                        let fast = Self.write(document, pretty: pretty, canonical: canonical, order: order, shortcuts: true)
                        let general = Self.write(document, pretty: pretty, canonical: canonical, order: order, shortcuts: false)
                        #expect(fast == general, "pretty \(pretty) canonical \(canonical) order \(order.names.count): \(text)")
                    }
                }
            }
            if !spaced && text.contains(#""a":7"#) { shortcutMembers += 1 }
        }
        // The compact run really exercises the whole-member copy.
        #expect(spaced || shortcutMembers > 0)
    }

    /// What the writer copies as its own canonical form is what `CanonicalNumber` writes.
    @Test func integersCopiedAreTheirOwnCanonicalForm() {
        let literals = Self.scalars.filter { $0.first != "\"" && !["true", "false", "null"].contains($0) }
            + ["1", "-1", "10", "999999999999999", "-999999999999999", "1000000000000000", "9007199254740993", "-", "", "1.0", "1e0"]
            .filter { !$0.contains(".") }
        for literal in literals {
            let bytes = Array(literal.utf8)
            let isOwnForm = bytes.withUnsafeBytes { CanonicalNumber.isOwnCanonicalForm($0) }
            if isOwnForm {
                #expect(CanonicalNumber.format(literal) == literal, "\(literal)")
            }
            let expected = ["0", "7", "-12", "123456789012345", "-123456789012345", "1", "-1", "10", "999999999999999", "-999999999999999"]
            #expect(isOwnForm == expected.contains(literal), "\(literal)")
        }
    }

    /// Decimals written from their own digits (`PlainDecimal`) against the
    /// parse-and-shortest path: same bytes, same verdict on the value.
    @Test func decimalsCopiedMatchTheParsedForm() {
        var random = SplitMix64(seed: 0x4445_4349)
        var literals = ["0.0", "-0.0", "0.5", "0.000001", "0.0000001", "0.00000123", "-0.000001", "10.0", "10.10", "1.0000000000000",
                        "123456789012345.0", "1234567890123456.0", "12345678901234.5", "0.123456789012345", "0.1234567890123456",
                        "999999999999999.9", "99999999999999.99", "0.000009999999999999", "100000000000000000000.0", "5.000000000000001"]
        for _ in 0..<20_000 {
            let integerDigits = Int.random(in: 0...17, using: &random)
            var integer = integerDigits == 0 ? "0" : String(Int.random(in: 1...9, using: &random))
            for _ in 1..<max(integerDigits, 1) { integer += String(Int.random(in: 0...9, using: &random)) }
            let zeros = String(repeating: "0", count: Int.random(in: 0...8, using: &random))
            var fraction = ""
            for _ in 0..<Int.random(in: 0...17, using: &random) { fraction += String(Int.random(in: 0...9, using: &random)) }
            let trailing = String(repeating: "0", count: Int.random(in: 0...3, using: &random))
            let sign = Int.random(in: 0..<4, using: &random) == 0 ? "-" : ""
            let body = zeros + fraction + trailing
            literals.append(sign + integer + "." + (body.isEmpty ? "0" : body))
        }
        var covered = 0
        for literal in literals {
            let bytes = Array(literal.utf8)
            bytes.withUnsafeBytes { raw in
                var fast: [UInt8] = [], general: [UInt8] = []
                let fastVerdict = CanonicalNumber.write(raw, to: &fast)
                let generalVerdict = CanonicalNumber.write(raw, to: &general, takesShortcuts: false)
                if PlainDecimal.canonicalPrefix(of: raw) != nil { covered += 1 }
                #expect(fast == general, "\(literal)")
                #expect("\(fastVerdict)" == "\(generalVerdict)", "\(literal)")
            }
        }
        #expect(covered > 5_000)
    }

    /// A flat object's canonical form made by copying its members against
    /// the general path; everything else must be refused untouched.
    @Test(arguments: [false, true]) func flatObjectsCopiedInKeyOrder(spaced: Bool) throws {
        var generator = Generator(random: SplitMix64(seed: spaced ? 0x464C_4154 : 0x464C_4155))
        var copied = 0
        for _ in 0..<3_000 {
            // Mostly flat objects of values in canonical spelling, now and then not.
            let text = Int.random(in: 0..<4, using: &generator.random) == 0
                ? generator.value(depth: Int.random(in: 1...2, using: &generator.random), spaced: spaced)
                : generator.flatObject(spaced: spaced)
            try WriterHarness.withDocument(Array(text.utf8), allowingFindings: true) { document in
                var flat: [UInt8] = [7]
                if FlatCanonical.write(document, into: &flat) {
                    copied += 1
                    let general = Self.write(document, pretty: false, canonical: true, order: .source, shortcuts: false)
                    #expect(general.map { [7] + $0 } == flat, "\(text)")
                } else {
                    #expect(flat == [7], "\(text)")
                }
            }
        }
        #expect(copied > 300, "\(copied) of 3,000 copied")
    }
}
