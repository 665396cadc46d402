import Testing
import VODHookCore

/// Compares against a real ECMAScript engine; skipped with a reason when
/// node is not installed, since the rule-based tests still cover the layout.
@Suite(.enabled(if: NodeReference.isAvailable, "node not found on PATH; skipping ECMAScript reference comparison"))
struct CanonicalNumberNodeTests {
    @Test func matchesNodeOnRandomInputs() throws {
        var generator = SplitMix64(seed: 0x4A43_5334)
        var literals: [String] = []
        for _ in 0..<2_000 {
            literals.append(CanonicalNumberInputs.randomFiniteDouble(using: &generator).description)
        }
        for _ in 0..<2_000 {
            literals.append(CanonicalNumberInputs.randomLiteral(using: &generator))
        }
        for exponent in stride(from: -330, through: 310, by: 1) {
            literals.append("1e\(exponent)")
            literals.append("-9.999999999999999e\(exponent)")
        }
        literals += ["0", "-0", "-0.0", "1e400", "-1e400", "2.4703282292062328e-324", "2.4703282292062327e-324"]

        let expected = try NodeReference.canonicalForms(of: literals)
        try #require(expected.count == literals.count)
        var mismatches = 0
        for (literal, reference) in zip(literals, expected) {
            let ours = CanonicalNumber.format(literal) ?? "null"
            if ours != reference {
                mismatches += 1
                if mismatches <= 20 { Issue.record("\(literal): ours \(ours), node \(reference)") }
            }
        }
        #expect(mismatches == 0)
    }
}
