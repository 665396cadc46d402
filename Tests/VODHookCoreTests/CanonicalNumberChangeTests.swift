import Foundation
import Testing
@testable import VODHookCore

/// `normalize --canonical` warns for exactly the numbers whose canonical
/// text names another value than the source's (issue 18): checked on the
/// issue's cases and against Foundation's `Decimal`, an independent
/// decimal arithmetic, on random literals.
@Suite struct CanonicalNumberChangeTests {
    static func change(_ literal: String) -> CanonicalNumberChange.Kind?? {
        var bytes = Array(literal.utf8)
        var output: [UInt8] = []
        return bytes.withUnsafeMutableBytes { buffer in
            switch CanonicalNumber.write(UnsafeRawBufferPointer(buffer), to: &output) {
            case .sameValue: .some(nil)
            case .changed(let kind): .some(kind)
            case .unwritable: nil
            }
        }
    }

    @Test(arguments: [
        ("505874924095815681", CanonicalNumberChange.Kind.rounded), ("9007199254740993", .rounded),
        ("1152921504606846976", .rounded), ("0.10000000000000000001", .rounded), ("2.5e-324", .rounded),
        ("123456789012345678901234567890", .rounded), ("1e-400", .underflow), ("-1e-400", .underflow),
        ("0." + String(repeating: "0", count: 400) + "1", .underflow), ("4.9406564584124654e-324", .rounded),
    ])
    func changedNumbers(_ literal: String, kind: CanonicalNumberChange.Kind) {
        #expect(Self.change(literal) == .some(kind), "\(literal)")
    }

    @Test(arguments: [
        "0", "-0", "0.0", "0e5", "-0.0E-7", "1", "4.50", "45e-1", "1E2", "100e-2", "9007199254740992", "9007199254740991",
        "1e21", "1e+21", "123456789012345680000", "0.1", "1.7976931348623157e308", "5e-324",
        "-12.5", "0.000001", "1e-7", "1000000000000000000000000000000", "18014398509481984",
        "505874924095815700", "0.30000000000000004", "1.0000000000000000000000000000",
    ])
    func sameValues(_ literal: String) {
        #expect(Self.change(literal) == .some(nil), "\(literal)")
    }

    @Test func tooLargeIsUnwritable() {
        for literal in ["1e400", "-1e400", "1.8e308", String(repeating: "9", count: 400)] {
            #expect(Self.change(literal) == nil, "\(literal)")
        }
    }

    /// A literal from a few shapes: long integers, long fractions, exponents.
    static func randomLiteral(using random: inout SplitMix64) -> String {
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(random.next() % 10)) })
        }
        let sign = random.next() % 4 == 0 ? "-" : ""
        switch random.next() % 4 {
        case 0: return sign + "1" + digits(Int(random.next() % 25))
        case 1: return sign + String(1 + random.next() % 9) + digits(Int(random.next() % 3)) + "." + digits(1 + Int(random.next() % 25))
        case 2: return sign + "0." + String(repeating: "0", count: Int(random.next() % 10)) + "1" + digits(Int(random.next() % 20))
        default:
            let exponent = Int(random.next() % 60) - 30
            return sign + "1" + (random.next() % 2 == 0 ? "" : "." + digits(1 + Int(random.next() % 22))) + "e\(exponent)"
        }
    }

    @Test func warnsExactlyWhenTheDecimalValueDiffers() throws {
        var random = SplitMix64(seed: 0x18_03)
        var changed = 0
        for _ in 0..<20_000 {
            let literal = Self.randomLiteral(using: &random)
            let output = try #require(CanonicalNumber.format(literal), "\(literal)")
            let source = try #require(Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")))
            let written = try #require(Decimal(string: output, locale: Locale(identifier: "en_US_POSIX")))
            // Decimal keeps 38 digits: longer literals are left to the cases above.
            guard literal.filter(\.isNumber).count <= 38 else { continue }
            let expected: CanonicalNumberChange.Kind? = source == written ? nil : .rounded
            #expect(Self.change(literal) == .some(expected), "\(literal) -> \(output)")
            if expected != nil { changed += 1 }
        }
        // Both outcomes must be exercised, or the comparison proves nothing.
        #expect(changed > 1000 && changed < 19_000, "\(changed)")
    }

    @Test func findingPointsAtTheNumber() throws {
        let text = "{\n  \"Sizes\": [1, 505874924095815681],\n  \"Tiny\": 1e-400\n}"
        let findings = try canonicalFindings(Array(text.utf8))
        #expect(findings.map(\.rule) == ["canonical-rounding", "canonical-rounding"])
        #expect(findings.map { "\($0.line):\($0.column) \($0.pointer)" } == ["2:16 /Sizes/1", "3:11 /Tiny"])
        #expect(findings.first?.message == "number 505874924095815681 is written as 505874924095815700: RFC 8785 writes the IEEE 754 double nearest to it, in its shortest form")
    }
}
