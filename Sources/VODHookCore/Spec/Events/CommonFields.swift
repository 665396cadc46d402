/// Rows most events share, written once (VOD-EVENTS.md §1.6 and §2).
extension FieldSpec {
    static func eventType(_ name: String) -> FieldSpec {
        FieldSpec("EventType", .string, required: true, summary: "the event type, fixed to \(name)")
    }

    static let eventTime = FieldSpec("EventTime", .string, required: true, format: .eventTime,
                                     summary: "when the event was generated, UTC, yyyy-MM-ddTHH:mm:ssZ")

    /// The docs of ImageUploadComplete and the AI events show `yyyy-MM-ddTHH:mm:ss:SSSZ`.
    static let eventTimeWithMillis = FieldSpec(
        "EventTime", .string, required: true, format: .eventTimeWithMillis,
        summary: "when the event was generated, UTC, yyyy-MM-ddTHH:mm:ssZ (the docs also show yyyy-MM-ddTHH:mm:ss:SSSZ)")

    static func status(_ what: String, required: Bool = true) -> FieldSpec {
        FieldSpec("Status", .string, required: required, allowed: ["success", "fail"], summary: "whether \(what) succeeded")
    }

    /// RestoreMediaComplete and UpdateMediaStorageClassComplete capitalize theirs.
    static func capitalizedStatus(_ what: String) -> FieldSpec {
        FieldSpec("Status", .string, required: true, allowed: ["Success", "Failed"], summary: "whether \(what) succeeded (capitalized for this event)")
    }

    static func id(_ name: String, required: Bool = true, _ summary: String) -> FieldSpec {
        FieldSpec(name, .string, required: required, format: .mediaId, summary: summary)
    }

    static func time(_ name: String, required: Bool = false, provenance: Provenance = .documented, _ summary: String) -> FieldSpec {
        FieldSpec(name, .string, required: required, format: .eventTime, provenance: provenance, summary: summary + ", UTC, yyyy-MM-ddTHH:mm:ssZ")
    }

    static func text(_ name: String, required: Bool = false, provenance: Provenance = .documented, _ summary: String) -> FieldSpec {
        FieldSpec(name, .string, required: required, provenance: provenance, summary: summary)
    }

    static func url(_ name: String, required: Bool = false, _ summary: String) -> FieldSpec {
        FieldSpec(name, .string, required: required, format: .url, summary: summary)
    }

    static let extend = FieldSpec("Extend", .string, required: false, summary: "UserData.Extend of the request, echoed as a string (up to 512 bytes)")
    static let errorCode = FieldSpec("ErrorCode", .string, required: false, summary: "the error code, when the operation failed")
    static let errorMessage = FieldSpec("ErrorMessage", .string, required: false, summary: "the error message, when the operation failed")

    /// A size in bytes, a pixel count: the docs say number, some payloads send text.
    static func integer(_ name: String, required: Bool = false, textSeen: String? = nil, _ summary: String) -> FieldSpec {
        FieldSpec(name, .integer, required: required,
                  typeVariant: textSeen.map { TypeVariant(.numericString, because: $0) }, summary: summary)
    }

    static func number(_ name: String, textSeen: String? = nil, _ summary: String) -> FieldSpec {
        FieldSpec(name, .number, required: false,
                  typeVariant: textSeen.map { TypeVariant(.numericString, because: $0) }, summary: summary)
    }
}

extension FieldCondition {
    /// Error fields only on failure, and a code with every failure: `success`
    /// and `fail`, or the storage events' `Success` and `Failed`.
    static func errorFields(success: String = "success", fail: String = "fail", code: String = "ErrorCode", message: String = "ErrorMessage", what: String) -> [FieldCondition] {
        [
            FieldCondition(.errorFieldsOnSuccess, when: "Status", .equals(success), expect: [code, message], .absent,
                           because: "\(code) and \(message) are returned only when \(what) fails"),
            FieldCondition(.missingErrorOnFailure, when: "Status", .equals(fail), expect: [code], .present,
                           because: "a failed \(what) should say why in \(code)"),
        ]
    }
}

extension LookAlike {
    /// Intelligent Media Services sends same-named events wrapped in
    /// `MessageBody` (VOD-EVENTS.md §4).
    static func intelligentMediaServices(standingInFor identity: String) -> LookAlike {
        LookAlike(
            vendor: "Intelligent Media Services (IMS)",
            keys: [
                "MessageBody": LookAlikeKey(for: identity, "Intelligent Media Services (IMS) wraps its events in \"MessageBody\"; an ApsaraVideo VOD callback has its fields at the top level"),
                "UserId": LookAlikeKey(for: nil, "Intelligent Media Services (IMS) sends \"UserId\" beside \"MessageBody\"; ApsaraVideo VOD does not"),
            ],
            values: [:])
    }
}
