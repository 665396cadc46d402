/// How much a finding matters. Ordered so that `max()` gives the worst.
public enum Severity: Int, Sendable, Hashable, Comparable, CaseIterable {
    case note = 0
    case warning = 1
    case error = 2

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The word compilers and CI annotations use.
    public var name: String {
        switch self {
        case .note: "note"
        case .warning: "warning"
        case .error: "error"
        }
    }
}
