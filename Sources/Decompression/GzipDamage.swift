import VODHookCore

/// Where and why a gzip stream stopped decoding: the compressed offset is
/// what `gzip -t` and a hex dump speak of; the decompressed offset is where
/// the text the reader saw ends.
public struct GzipDamage: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// The source ended inside a member.
        case cutShort
        /// zlib refused the data, in its own words ("invalid distance too far back").
        case corrupt(String)
        /// Bytes after a complete member that do not start another one.
        case trailingData
    }

    public var reason: Reason
    /// Offset in the compressed source of the byte where decoding stopped.
    public var compressedOffset: Int
    /// How many decompressed bytes came before it.
    public var decompressedOffset: Int
    /// 1-based member the damage is in (the one after the last whole member, for trailing data).
    public var member: Int

    /// The one finding a damaged source gets, at the end of its decompressed text.
    public var diagnostic: Diagnostic {
        let place = "at compressed byte \(compressedOffset)" + (member > 1 ? " (member \(member))" : "")
        let what: String
        switch reason {
        case .cutShort: what = "the gzip stream is cut short \(place)"
        case .corrupt(let zlib): what = "the gzip stream is corrupt \(place): '\(zlib)'"
        case .trailingData: what = "the gzip stream has data that is not a gzip member \(place)"
        }
        return Diagnostic(
            .error, .compressedInputDamaged, "\(what), after \(decompressedOffset) decompressed bytes", offset: decompressedOffset,
            hint: "the documents before this point were checked and nothing after it could be read; 'gzip -t' confirms the damage")
    }
}
