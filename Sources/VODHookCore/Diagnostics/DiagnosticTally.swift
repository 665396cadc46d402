/// Counts documents and findings. The command layer maps the tally to an
/// exit code in one place.
public struct DiagnosticTally: Sendable, Hashable {
    public var documents = 0
    public var valid = 0
    public var invalid = 0
    public var errors = 0
    public var warnings = 0
    public var notes = 0

    public init() {}

    public mutating func add(_ report: DocumentReport) {
        documents += 1
        if report.isValid { valid += 1 } else { invalid += 1 }
        for diagnostic in report.diagnostics {
            switch diagnostic.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
        }
    }

    public mutating func add(_ other: DiagnosticTally) {
        documents += other.documents
        valid += other.valid
        invalid += other.invalid
        errors += other.errors
        warnings += other.warnings
        notes += other.notes
    }
}
