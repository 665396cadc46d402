import VODHookCore

/// `summary --format json`: exactly these keys, published in
/// docs/schemas/summary-v1.schema.json; keys are only ever added to v1.
enum SummaryJSON {
    /// Written as `version`; `summary --merge` reads only this version.
    static let version = 1

    static func object(_ summary: SummaryTotals) -> OutputJSON {
        func counts(_ values: CountedValues) -> OutputJSON {
            .object(values.sorted.map { ($0.value, .integer($0.count)) })
        }
        return .object([
            ("version", .integer(version)),
            ("documents", .integer(summary.tally.documents)),
            ("valid", .integer(summary.tally.valid)),
            ("invalid", .integer(summary.tally.invalid)),
            ("errors", .integer(summary.tally.errors)),
            ("warnings", .integer(summary.tally.warnings)),
            ("notes", .integer(summary.tally.notes)),
            ("eventTypes", counts(summary.eventTypes)),
            ("status", counts(summary.status)),
            ("mediaType", counts(summary.mediaType)),
            ("deleteType", counts(summary.deleteType)),
            ("errorCodes", counts(summary.errorCodes)),
            ("firstEventTime", summary.firstEventTime.map(OutputJSON.string) ?? .null),
            ("lastEventTime", summary.lastEventTime.map(OutputJSON.string) ?? .null),
            ("duplicates", .integer(summary.duplicates)),
            ("distinctMediaIds", .integer(summary.distinctMediaIds)),
            ("distinctMedia", .integer(summary.distinctMedia)),
            ("shardKey", summary.shardKey.map(OutputJSON.string) ?? .null),
            ("distinctCountsExact", .bool(summary.distinctCountsAreExact)),
            ("byEventType", .object(summary.byEventType.map { name, event in
                (name, .object([
                    ("documents", .integer(event.documents)),
                    ("valid", .integer(event.valid)),
                    ("invalid", .integer(event.invalid)),
                    ("status", counts(event.status)),
                    ("errorCodes", counts(event.errorCodes)),
                    ("codes", counts(event.codes)),
                    ("duplicates", .integer(event.duplicates)),
                    ("identity", event.identity.map(OutputJSON.string) ?? .null),
                    ("distinctIdentities", .integer(event.distinctIdentities)),
                ]))
            })),
        ])
    }
}
