/// ANSI styling for text output, or none. Decided once per run: colour only
/// on a terminal with NO_COLOR unset, unless the user says otherwise.
public struct TextStyle: Sendable {
    public let isEnabled: Bool
    /// The terminal's width, when the output is one: source excerpts are cut
    /// to fit it. Nil elsewhere (a file, a pipe), where they are as wide as always.
    public let columns: Int?
    public init(enabled: Bool, columns: Int? = nil) {
        isEnabled = enabled
        self.columns = columns
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: wrap(text, "1;31")
        case .warning: wrap(text, "1;33")
        case .note: wrap(text, "1;36")
        }
    }
    public func gutter(_ text: String) -> String { wrap(text, "34") }
    public func help(_ text: String) -> String { wrap(text, "1;32") }
    public func dim(_ text: String) -> String { wrap(text, "2") }

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
