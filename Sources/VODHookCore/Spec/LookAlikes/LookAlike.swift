/// Another vendor's payload that resembles an event closely enough to be
/// sent to the wrong receiver. Its own keys and values are listed so that
/// findings about them can say whose they are instead of only "unknown".
public struct LookAlike: Sendable {
    public let vendor: String
    /// Keys only the look-alike sends, with what they mean to a VOD reader.
    public let keys: [String: LookAlikeKey]
    /// Values only the look-alike sends, with what they mean to a VOD reader.
    public let values: [String: String]

    public init(vendor: String, keys: [String: LookAlikeKey], values: [String: String]) {
        self.vendor = vendor
        self.keys = keys
        self.values = values
    }
}

/// A look-alike's own key: what it means, and the spec field it stands in
/// for, so a missing field can point at it.
public struct LookAlikeKey: Sendable {
    public let counterpart: String?
    public let note: String

    public init(for counterpart: String?, _ note: String) {
        self.counterpart = counterpart
        self.note = note
    }
}
