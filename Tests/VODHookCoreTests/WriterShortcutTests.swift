import Testing
@testable import VODHookCore

/// The writer's shortcuts (whole members copied, integers copied, plain keys
/// sorted by an eight-byte prefix) against its general path, which they
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
        "3594.0", "1e2", "-0.0", "1.5E+3", "true", "false", "null",
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
                let count = Int.random(in: 0...(Int.random(in: 0..<8, using: &random) == 0 ? 20 : 8), using: &random)
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
}
