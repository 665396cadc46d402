import Testing
import EditDistance
import VODHookCore  // SplitMix64

/// Cross-checks the rolling-row implementation against the textbook full matrix,
/// which is too slow and memory-hungry to ship but easy to trust.
@Suite struct ReferenceComparisonTests {
    @Test func agreesWithTheFullMatrixOnRandomStrings() {
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet: [Unicode.Scalar] = ["a", "b", "c", "é", "🙂"]
        for _ in 0..<2_000 {
            let a = randomString(from: alphabet, maxLength: 9, using: &generator)
            let b = randomString(from: alphabet, maxLength: 9, using: &generator)
            #expect(editDistance(a, b) == referenceDistance(a, b), "\(a) vs \(b)")
        }
    }
}

private func randomString(
    from alphabet: [Unicode.Scalar], maxLength: Int, using generator: inout SplitMix64
) -> String {
    var scalars = String.UnicodeScalarView()
    for _ in 0..<Int.random(in: 0...maxLength, using: &generator) {
        scalars.append(alphabet.randomElement(using: &generator)!)
    }
    return String(scalars)
}

private func referenceDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in stride(from: 1, through: a.count, by: 1) {
        for j in stride(from: 1, through: b.count, by: 1) {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}
