import VODHookCore

/// `summary --format json`: exactly these keys, documented in the README.
enum SummaryJSON {
    static func object(_ summary: CallbackSummary) -> OutputJSON {
        func counts(_ counter: ValueCounter) -> OutputJSON {
            .object(counter.sorted.map { ($0.value, .integer($0.count)) })
        }
        return .object([
            ("documents", .integer(summary.tally.documents)),
            ("valid", .integer(summary.tally.valid)),
            ("invalid", .integer(summary.tally.invalid)),
            ("errors", .integer(summary.tally.errors)),
            ("warnings", .integer(summary.tally.warnings)),
            ("eventTypes", counts(summary.eventTypes)),
            ("status", counts(summary.status)),
            ("mediaType", counts(summary.mediaType)),
            ("deleteType", counts(summary.deleteType)),
            ("errorCodes", counts(summary.errorCodes)),
            ("firstEventTime", summary.firstEventTime.map(OutputJSON.string) ?? .null),
            ("lastEventTime", summary.lastEventTime.map(OutputJSON.string) ?? .null),
            ("duplicates", .integer(summary.duplicates)),
            ("distinctMediaIds", .integer(summary.distinctMediaIds)),
            ("byEventType", .object(summary.byEventType.map { event in
                (event.eventType, .object([
                    ("documents", .integer(event.documents)),
                    ("valid", .integer(event.valid)),
                    ("invalid", .integer(event.documents - event.valid)),
                    ("status", counts(event.status)),
                    ("errorCodes", counts(event.errorCodes)),
                    ("codes", counts(event.codes)),
                    ("duplicates", .integer(event.duplicates)),
                    ("identity", event.identityField.map(OutputJSON.string) ?? .null),
                    ("distinctIdentities", .integer(event.distinctIdentities)),
                ]))
            })),
        ])
    }
}
