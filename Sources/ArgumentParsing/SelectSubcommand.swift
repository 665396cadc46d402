import EditDistance

/// Chooses a subcommand: returns the index of the matching name, or throws "unknown command 'chek'; did you mean 'check'?"
///
/// Matching is exact, so a near miss is reported rather than guessed at.
public func selectSubcommand(_ word: String, among names: [String]) throws(UsageError) -> Int {
    if let index = names.firstIndex(of: word) { return index }
    var message = "unknown command \(quoted(word))"
    if let match = nearestMatch(to: word, among: names) {
        message += "; did you mean '\(match)'?"
    }
    throw UsageError(message)
}
