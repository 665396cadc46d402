/// Which of N parts a document goes to when a log is cut so that each
/// media's callbacks stay together: by the media it names, its `MediaId`
/// when it has one (the AI and audit events name their job by identity and
/// their media by MediaId), else its event's identity value (VideoId,
/// JobId...). Upload, transcode and delete callbacks of one video name the
/// same value, under whichever field, so they go to the same part; so do
/// copies of a document. Duplicates and distinct counts of the parts then
/// add up exactly.
public enum IdentityShard {
    /// The part (0-based, below `count`): FNV-1a (64-bit) of the value's
    /// UTF-8 (a string's decoded text, another value's JSON text) modulo
    /// `count`. A document with neither value (not JSON, an unknown event
    /// without MediaId, the fields absent) goes to part 0.
    ///
    /// The hash is fixed here and in docs/scale.md, so parts cut by
    /// different machines or vodhook versions agree.
    public static func part(of document: JSONDocument?, count: Int) -> Int {
        guard count > 1, let document else { return 0 }
        let nodes = SummaryFieldNodes(document)
        let media = nodes.mediaId >= 0 ? nodes.mediaId : nodes.identity(document)
        guard media >= 0 else { return 0 }
        let hash = SummaryFieldNodes.withValue(document, media, fnv1a)
        return Int(hash % UInt64(count))
    }

    /// FNV-1a, 64-bit: offset basis 0xcbf29ce484222325, prime 0x100000001b3.
    public static func fnv1a(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}
