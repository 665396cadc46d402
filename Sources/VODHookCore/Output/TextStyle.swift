/// ANSI styling for text output, or none. Decided once per run: colour only
/// on a terminal with NO_COLOR unset, unless the user says otherwise.
public struct TextStyle: Sendable {
    public let isEnabled: Bool
    public init(enabled: Bool) { isEnabled = enabled }

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
