/// How `JSONWriter.write` spaces its output: compact for machines and
/// byte counts, pretty for people reading a callback.
public enum JSONLayout: Sendable, Hashable, CaseIterable {
    /// No whitespace at all.
    case compact
    /// Two-space indentation and `"key": value`, as `JSON.stringify(v, null, 2)` prints it.
    case pretty
}
