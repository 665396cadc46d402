extension DocumentReport {
    /// The report's `DocumentCounts`, counted as `DocumentCounts.init(_:)`
    /// counts. A getter borrows the report, where an initializer takes its
    /// argument owned: passing one copied the report (its strings and
    /// findings retained and released) for every document `check` counted.
    public var counts: DocumentCounts {
        var errors: Int32 = 0, warnings: Int32 = 0, notes: Int32 = 0
        for diagnostic in diagnostics {
            switch diagnostic.severity {
            case .error: errors &+= 1
            case .warning: warnings &+= 1
            case .note: notes &+= 1
            }
        }
        return DocumentCounts(isValid: errors == 0, errors: errors, warnings: warnings, notes: notes)
    }
}
