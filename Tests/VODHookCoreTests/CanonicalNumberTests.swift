import Testing
import VODHookCore

/// Fixed examples: RFC 8785's own tables plus the spellings a callback sender
/// is likely to use.
@Suite struct CanonicalNumberTests {
    /// RFC 8785 Appendix B, minus NaN and Infinity (not JSON numbers). The
    /// input is the double's Swift description, which round-trips exactly.
    @Test(arguments: [
        (0x0000_0000_0000_0000, "0"),
        (0x8000_0000_0000_0000, "0"),
        (0x0000_0000_0000_0001, "5e-324"),
        (0x8000_0000_0000_0001, "-5e-324"),
        (0x7FEF_FFFF_FFFF_FFFF, "1.7976931348623157e+308"),
        (0xFFEF_FFFF_FFFF_FFFF, "-1.7976931348623157e+308"),
        (0x4340_0000_0000_0000, "9007199254740992"),
        (0xC340_0000_0000_0000, "-9007199254740992"),
        (0x4430_0000_0000_0000, "295147905179352830000"),
        (0x44B5_2D02_C7E1_4AF5, "9.999999999999997e+22"),
        (0x44B5_2D02_C7E1_4AF6, "1e+23"),
        (0x44B5_2D02_C7E1_4AF7, "1.0000000000000001e+23"),
        (0x444B_1AE4_D6E2_EF4E, "999999999999999700000"),
        (0x444B_1AE4_D6E2_EF4F, "999999999999999900000"),
        (0x444B_1AE4_D6E2_EF50, "1e+21"),
        (0x3EB0_C6F7_A0B5_ED8C, "9.999999999999997e-7"),
        (0x3EB0_C6F7_A0B5_ED8D, "0.000001"),
        (0x41B3_DE43_5555_5553, "333333333.3333332"),
        (0x41B3_DE43_5555_5554, "333333333.33333325"),
        (0x41B3_DE43_5555_5555, "333333333.3333333"),
        (0x41B3_DE43_5555_5556, "333333333.3333334"),
        (0x41B3_DE43_5555_5557, "333333333.33333343"),
        (0xBECB_F647_612F_3696, "-0.0000033333333333333333"),
        (0x4314_3FF3_C1CB_0959, "1424953923781206.2"),
    ] as [(UInt64, String)])
    func rfc8785AppendixB(bits: UInt64, expected: String) {
        let value = Double(bitPattern: bits)
        #expect(CanonicalNumber.format(value.description) == expected)
    }

    @Test(arguments: [
        ("0", "0"),
        ("-0", "0"),
        ("-0.0", "0"),
        ("0e10", "0"),
        ("-0E-5", "0"),
        ("5e-324", "5e-324"),
        ("1.7976931348623157e308", "1.7976931348623157e+308"),
        ("9007199254740992", "9007199254740992"),
        ("295147905179352830000", "295147905179352830000"),
        ("1e21", "1e+21"),
        ("333333333.3333332", "333333333.3333332"),
        ("1e-7", "1e-7"),
        ("0.000001", "0.000001"),
        ("1e23", "1e+23"),
        ("4.50", "4.5"),
        ("1E30", "1e+30"),
        ("0.000000000000000000000000001", "1e-27"),
        ("100", "100"),
        ("-1.5e3", "-1500"),
        ("100.0", "100"),
        ("1e2", "100"),
        ("1E+2", "100"),
        ("123456789012345", "123456789012345"),
        ("-123456789012345", "-123456789012345"),
        ("1234567890123456", "1234567890123456"),
        ("9007199254740993", "9007199254740992"),
        ("1234567890123456789", "1234567890123456800"),
        ("999999999999999999999", "1e+21"),
        ("100000000000000000000", "100000000000000000000"),
        ("0.1", "0.1"),
        ("0.3", "0.3"),
        ("1.1e-6", "0.0000011"),
        ("9.99e-7", "9.99e-7"),
        ("1.5e-6", "0.0000015"),
        ("123e-20", "1.23e-18"),
        ("12.5e19", "125000000000000000000"),
        ("12.5e20", "1.25e+21"),
        ("12.5e21", "1.25e+22"),
        ("-1e-7", "-1e-7"),
        ("1e-400", "0"),
        ("-1e-400", "0"),
        ("2.4703282292062328e-324", "5e-324"),
        ("2.4703282292062327e-324", "0"),
        ("1.7976931348623158e308", "1.7976931348623157e+308"),
        (
            "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798",
            "3.141592653589793"
        ),
    ])
    func literalSpellings(input: String, expected: String) {
        #expect(CanonicalNumber.format(input) == expected)
    }

    /// JCS has no spelling for values outside the double range.
    @Test(arguments: ["1e400", "-1e400", "1.8e308", "-1.7976931348623159e308", "1" + String(repeating: "0", count: 400)])
    func nonFiniteIsNil(input: String) {
        #expect(CanonicalNumber.format(input) == nil)
    }

    /// The formatter is documented for validated input, but a malformed
    /// literal must not be echoed into canonical output.
    @Test(arguments: [
        "", "-", "+1", "01", "-01", "00", "1.", ".5", "1e", "1e+", "1E-", "1.e3",
        " 1", "1 ", "0x10", "NaN", "Infinity", "-Infinity", "1_000", "1,5", "１",
    ])
    func malformedIsNil(input: String) {
        #expect(CanonicalNumber.format(input) == nil)
    }

    @Test func byteEntryPointMatchesStringConvenience() {
        let bytes = Array("-1.5e3".utf8)
        let formatted = bytes.withUnsafeBytes { CanonicalNumber.format($0) }
        #expect(formatted == Array("-1500".utf8))
    }

    @Test func appendExtendsExistingOutput() {
        var output = Array("[".utf8)
        let ok = Array("4.50".utf8).withUnsafeBytes { CanonicalNumber.append($0, to: &output) }
        #expect(ok)
        #expect(output == Array("[4.5".utf8))
    }

    @Test func appendLeavesOutputUntouchedOnFailure() {
        var output = Array("[1,".utf8)
        for input in ["1e400", "01"] {
            let ok = Array(input.utf8).withUnsafeBytes { CanonicalNumber.append($0, to: &output) }
            #expect(!ok)
        }
        #expect(output == Array("[1,".utf8))
    }

    /// A slice of a larger document: only the given bytes are read.
    @Test func readsOnlyTheGivenSlice() {
        let document = Array(#"{"a":4.50,"b":1}"#.utf8)
        let formatted = document.withUnsafeBytes { CanonicalNumber.format(UnsafeRawBufferPointer(rebasing: $0[5..<9])) }
        #expect(formatted == Array("4.5".utf8))
    }
}
