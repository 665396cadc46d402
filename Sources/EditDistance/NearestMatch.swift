/// The candidate closest to `word`, or nil when none is close enough, for "did you mean ...?" hints.
///
/// Comparison ignores case. A candidate is close enough when its distance is at most
/// `max(1, word.count / 3)`, so short words tolerate one slip and longer ones a few.
/// An exact case-insensitive match always wins and ties go to the earlier candidate,
/// which lets callers order candidates by preference. When nothing is that close and
/// `word` has at least three characters, the first candidate that starts with `word`
/// is offered instead, because an abbreviation is as telling as a typo.
/// An empty `word` matches nothing, and empty candidates are never offered.
public func nearestMatch(to word: String, among candidates: [String]) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    guard !target.isEmpty else { return nil }
    let limit = max(1, word.count / 3)

    var best: (candidate: String, distance: Int)?
    for candidate in candidates where !candidate.isEmpty {
        let folded = Array(candidate.lowercased().unicodeScalars)
        // The length difference alone is a lower bound on the distance.
        guard abs(folded.count - target.count) <= limit else { continue }
        let distance = cappedDistance(target, folded)
        if distance <= limit, distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
            if distance == 0 { break }
        }
    }
    if let best { return best.candidate }

    guard word.count >= 3 else { return nil }
    return candidates.first { candidate in
        !candidate.isEmpty && candidate.lowercased().unicodeScalars.starts(with: target)
    }
}
