import Testing
import VODHookCore

/// Random doubles and literals checked against the ECMAScript rules as
/// stated independently in `ECMAScriptNumberRules`.
@Suite struct CanonicalNumberPropertyTests {
    @Test func randomDoublesRoundTripInECMAScriptForm() {
        var generator = SplitMix64(seed: 0x4A43_5331)
        for _ in 0..<20_000 {
            let value = CanonicalNumberInputs.randomFiniteDouble(using: &generator)
            let input = value.description
            guard let output = CanonicalNumber.format(input) else {
                Issue.record("nil for finite \(input)")
                continue
            }
            let problems = ECMAScriptNumberRules.violations(of: output, for: value)
            #expect(problems.isEmpty, "\(input) -> \(output): \(problems)")
        }
    }

    @Test func randomLiteralsRoundTripInECMAScriptForm() {
        var generator = SplitMix64(seed: 0x4A43_5332)
        for _ in 0..<20_000 {
            let input = CanonicalNumberInputs.randomLiteral(using: &generator)
            guard let value = Double(input) else {
                Issue.record("test generated a non-literal: \(input)")
                continue
            }
            let output = CanonicalNumber.format(input)
            if !value.isFinite {
                #expect(output == nil, "\(input) is not finite but formatted as \(output ?? "nil")")
                continue
            }
            guard let output else {
                Issue.record("nil for finite \(input)")
                continue
            }
            let problems = ECMAScriptNumberRules.violations(of: output, for: value)
            #expect(problems.isEmpty, "\(input) -> \(output): \(problems)")
        }
    }

    /// Canonical output is itself valid input and must be a fixed point.
    @Test func formattingIsIdempotent() {
        var generator = SplitMix64(seed: 0x4A43_5333)
        for _ in 0..<5_000 {
            let value = CanonicalNumberInputs.randomFiniteDouble(using: &generator)
            guard let once = CanonicalNumber.format(value.description) else {
                Issue.record("nil for finite \(value)")
                continue
            }
            #expect(CanonicalNumber.format(once) == once)
        }
    }

    /// Every power of ten crosses a layout boundary somewhere; walk them all
    /// along with their neighbours.
    @Test func powersOfTenAndNeighbours() {
        for exponent in -324...308 {
            guard let power = Double("1e\(exponent)"), power.isFinite, power > 0 else { continue }
            for value in [power.nextDown, power, power.nextUp] where value > 0 && value.isFinite {
                guard let output = CanonicalNumber.format(value.description) else {
                    Issue.record("nil for finite \(value)")
                    continue
                }
                let problems = ECMAScriptNumberRules.violations(of: output, for: value)
                #expect(problems.isEmpty, "\(value) -> \(output): \(problems)")
            }
        }
    }
}
