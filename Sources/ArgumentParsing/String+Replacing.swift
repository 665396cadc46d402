extension String {
    /// Replaces every occurrence; the standard library has none without Foundation.
    func replacing(_ old: String, with new: String) -> String {
        split(separator: old, omittingEmptySubsequences: false).joined(separator: new)
    }
}
