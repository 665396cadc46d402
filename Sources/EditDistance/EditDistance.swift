/// Past this many Unicode scalars a string is never a plausible typo of another,
/// so the quadratic comparison is skipped to keep hostile input cheap.
let maximumComparedLength = 256

/// Optimal-string-alignment (Damerau–Levenshtein with adjacent transpositions) distance over Unicode scalars.
///
/// Transpositions count as one edit because swapped neighbours are the most common
/// typing slip. When either string is longer than 256 scalars the work is skipped and
/// the longer length is returned: an upper bound on the real distance, and far above
/// any threshold a suggestion would use.
public func editDistance(_ a: String, _ b: String, caseInsensitive: Bool = false) -> Int {
    // Counting is linear and allocation-free, so do it before lowercasing or copying.
    let lengthA = a.unicodeScalars.count
    let lengthB = b.unicodeScalars.count
    if lengthA > maximumComparedLength || lengthB > maximumComparedLength {
        return max(lengthA, lengthB)
    }
    let left = caseInsensitive ? a.lowercased() : a
    let right = caseInsensitive ? b.lowercased() : b
    return cappedDistance(Array(left.unicodeScalars), Array(right.unicodeScalars))
}

/// The distance between two scalar sequences, with the same length cap as `editDistance`.
func cappedDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.count > maximumComparedLength || b.count > maximumComparedLength {
        return max(a.count, b.count)
    }
    // The distance is symmetric, so keep the rows as short as possible.
    return a.count >= b.count ? optimalStringAlignment(a, b) : optimalStringAlignment(b, a)
}

/// The classic dynamic programme, keeping only the three rows a transposition can reach back to.
private func optimalStringAlignment(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if b.isEmpty { return a.count }
    var twoBack = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            var best = min(previous[j] + 1, current[j - 1] + 1, substitution)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                best = min(best, twoBack[j - 2] + 1)
            }
            current[j] = best
        }
        // Rotate instead of reallocating: the oldest row is the next one to overwrite.
        swap(&twoBack, &previous)
        swap(&previous, &current)
    }
    return previous[b.count]
}
