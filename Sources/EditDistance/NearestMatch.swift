/// The candidate closest to `word`, or nil when none is close enough, for "did you mean ...?" hints.
///
/// Comparison ignores case. A candidate is close enough when its distance is at most
/// `max(1, word.count / 3)`, so short words tolerate one slip and longer ones a few.
/// An exact case-insensitive match always wins and ties go to the earlier candidate,
/// which lets callers order candidates by preference. When nothing is that close and
/// `word` has at least three characters, the first candidate that starts with `word`
/// is offered instead, because an abbreviation is as telling as a typo.
/// Before any of that, a `word` of two or more words (split at `-`, `_`
/// and spaces) goes to the first candidate holding each of them, in order:
/// `invalid-time` is `invalid-event-time` left short, not a typo of
/// `invalid-value`, which is nearer by edits.
/// An empty `word` matches nothing, and empty candidates are never offered.
public func nearestMatch(to word: String, among candidates: [String]) -> String? {
    let target = Array(word.lowercased().unicodeScalars)
    guard !target.isEmpty else { return nil }
    let limit = max(1, word.count / 3)

    let words = wordsOf(word)
    if words.count >= 2 {
        if let exact = candidates.first(where: { $0.lowercased() == word.lowercased() }) { return exact }
        if let holding = candidates.first(where: { containsInOrder(wordsOf($0), words) }) { return holding }
    }

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

/// The lowercased words of a name such as `invalid-event-time` or `key_file`.
private func wordsOf(_ name: String) -> [Substring] {
    name.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " })
}

/// Whether `words` appear in `candidate`, in order, others allowed between them.
private func containsInOrder(_ candidate: [Substring], _ words: [Substring]) -> Bool {
    var rest = candidate[...]
    for word in words {
        guard let index = rest.firstIndex(of: word) else { return false }
        rest = rest[(index + 1)...]
    }
    return true
}
