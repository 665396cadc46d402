/// What one document adds to a `DiagnosticTally`, in a few bytes, for
/// work on documents that is counted later.
public struct DocumentCounts: Sendable {
    /// No finding of error severity.
    public internal(set) var isValid: Bool
    var errors: Int32
    var warnings: Int32
    var notes: Int32

    /// Counted as `DiagnosticTally.add(_: DocumentReport)` counts.
    public init(_ report: DocumentReport) {
        // Most documents have no findings: no walk over an empty array (and
        // its retain and release) for them.
        guard !report.diagnostics.isEmpty else {
            (isValid, errors, warnings, notes) = (true, 0, 0, 0)
            return
        }
        var errors: Int32 = 0, warnings: Int32 = 0, notes: Int32 = 0
        for diagnostic in report.diagnostics {
            switch diagnostic.severity {
            case .error: errors &+= 1
            case .warning: warnings &+= 1
            case .note: notes &+= 1
            }
        }
        isValid = errors == 0
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
    }
}

extension DiagnosticTally {
    /// Counts one document from its `DocumentCounts`, as `add(_: DocumentReport)` would.
    public mutating func add(_ counts: DocumentCounts) {
        documents += 1
        if counts.isValid { valid += 1 } else { invalid += 1 }
        errors += Int(counts.errors)
        warnings += Int(counts.warnings)
        notes += Int(counts.notes)
    }
}

extension DocumentCounts {
    init(isValid: Bool, errors: Int32, warnings: Int32, notes: Int32) {
        self.isValid = isValid
        self.errors = errors
        self.warnings = warnings
        self.notes = notes
    }
}
