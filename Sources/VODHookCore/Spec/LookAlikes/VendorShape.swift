/// How another vendor's callback gives itself away: keys, and a few values,
/// that ApsaraVideo VOD never sends. A document showing enough of them is
/// named as that vendor's in one finding instead of being checked against a
/// guessed VOD event, whose dozen findings would bury the one that matters.
public struct VendorShape: Sendable {
    public let vendor: String
    public let tellTales: [TellTale]
    /// What the receiver's team should do instead, for the finding's help.
    public let advice: String
    /// Where the shape is documented or was seen.
    public let source: String

    public init(vendor: String, tellTales: [TellTale], advice: String, source: String) {
        self.vendor = vendor
        self.tellTales = tellTales
        self.advice = advice
        self.source = source
    }
}

/// One sign of another vendor's payload. Weights add up per vendor: a sign
/// of weight 2 names the vendor alone; one of weight 1 (a key VOD could
/// plausibly carry, such as a `UserId`) needs another beside it.
public struct TellTale: Sendable {
    public enum Name: Sendable {
        /// The key, spelled exactly.
        case exact(String)
        /// A key ending so, longer than the ending: Tencent's `TranscodeCompleteEvent`.
        case suffix(String)
    }

    public enum Shape: Sendable {
        case any, object, number
        /// An object whose key is the document's EventType followed by the
        /// key's ending: Tencent's `"EventType":"TranscodeComplete"` beside
        /// `"TranscodeCompleteEvent":{...}`. A receiver's own wrapper that
        /// happens to end so (`"RawEvent"`) is not.
        case eventObject
        /// A string holding one of these values.
        case text([String])
    }

    public let name: Name
    /// The top-level object the key sits in; nil for a top-level key.
    public let parent: String?
    public let shape: Shape
    public let weight: Int

    public init(_ name: Name, in parent: String? = nil, _ shape: Shape = .any, weight: Int = 2) {
        self.name = name
        self.parent = parent
        self.shape = shape
        self.weight = weight
    }

    /// Whether a key of this spelling is this sign (its value still to be checked).
    public func names(_ key: String) -> Bool {
        switch name {
        case .exact(let exact): key == exact
        case .suffix(let ending): key.utf8.count > ending.utf8.count && key.hasSuffix(ending)
        }
    }

    /// How a finding names the sign as seen: `"FileId"`, `a numeric "ErrCode"`,
    /// `"TranscodeCompleteEvent" (an object)`, `"Status": "FINISH"`.
    public func described(key: String, value: String?) -> String {
        let path = TerminalSafe.quoted(parent.map { "\($0).\(key)" } ?? key)
        switch shape {
        case .any: return path
        case .number: return "a numeric \(path)"
        case .object, .eventObject: return "\(path) (an object)"
        case .text: return "\(path): \(TerminalSafe.quoted(value ?? ""))"
        }
    }
}
