/// A stable rule identifier. Users put these in CI configuration, so the raw
/// strings are a public interface and never change.
public struct RuleID: RawRepresentable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension RuleID {
    // Reader findings.
    public static let jsonSyntax = RuleID("json-syntax")
    public static let jsonEncoding = RuleID("json-encoding")
    public static let jsonDepth = RuleID("json-depth")
    public static let jsonSize = RuleID("json-size")
    public static let jsonDuplicateKey = RuleID("json-duplicate-key")
    public static let jsonBOM = RuleID("json-bom")
    public static let noDocument = RuleID("no-document")
    // Source findings: a whole source that cannot be read as callbacks.
    public static let sourceEncoding = RuleID("source-encoding")
    public static let unreadableSource = RuleID("unreadable-source")
    /// `--at POINTER` finds no callback in a document.
    public static let atPointerMissing = RuleID("at-pointer-missing")
    public static let compressedInputDamaged = RuleID("compressed-input-damaged")
    // Capture findings.
    public static let httpSyntax = RuleID("http-syntax")
    public static let base64Syntax = RuleID("base64-syntax")
    public static let signatureMissing = RuleID("signature-missing")
    public static let signatureMismatch = RuleID("signature-mismatch")
    public static let timestampMalformed = RuleID("timestamp-malformed")
    public static let timestampStale = RuleID("timestamp-stale")
    // Spec findings.
    public static let notAnObject = RuleID("not-an-object")
    public static let notACallback = RuleID("not-a-callback")
    public static let lookAlike = RuleID("look-alike")
    public static let missingField = RuleID("missing-field")
    public static let wrongType = RuleID("wrong-type")
    public static let fieldNameCase = RuleID("field-name-case")
    public static let unknownEventType = RuleID("unknown-event-type")
    public static let invalidValue = RuleID("invalid-value")
    public static let invalidEventTime = RuleID("invalid-event-time")
    public static let emptyValue = RuleID("empty-value")
    public static let unknownField = RuleID("unknown-field")
    public static let jobIdsWithoutStream = RuleID("jobids-without-stream")
    public static let errorFieldsOnSuccess = RuleID("error-fields-on-success")
    public static let missingErrorOnFailure = RuleID("missing-error-on-failure")
    public static let missingJobIdsOnStream = RuleID("missing-jobids-on-stream")
    public static let mediaIdFormat = RuleID("media-id-format")
    public static let urlFormat = RuleID("url-format")
    public static let specDrift = RuleID("spec-drift")

    // What `normalize --canonical` does to numbers.
    public static let canonicalNumber = RuleID("canonical-number")
    public static let canonicalRounding = RuleID("canonical-rounding")
}
