/// The distinct documents of a summary and their distinct MediaIds, with
/// where each document was first seen when that is remembered.
///
/// Most documents carry a MediaId of their own, or repeat an earlier
/// document exactly (a retried delivery). So documents are kept by MediaId:
/// a slot holds a MediaId, the first document seen with it and that
/// document's payload, side by side, and most documents cost one cache miss
/// rather than one per table (the tables far outgrow the cache; the two
/// misses were the largest single cost of a summary). Documents with no
/// MediaId, and any further distinct document with a MediaId already held,
/// go to a second table of documents alone.
///
/// What is kept of each 128-bit fingerprint: 8 bits pick a shard and 64 are
/// stored (see `FingerprintTable`). A document is taken for an earlier one
/// only when both its MediaId's 72 bits and its own 64 stored bits match the
/// first document with that MediaId (odds about n/2^64 over n documents),
/// or when its 72 bits match one in the second table (about m²/2^73 over m
/// documents there). Four million distinct documents: below 2 in 10^9.
/// Two MediaIds agreeing in 72 bits (about k²/2^73 over k MediaIds, 1 in
/// 10^10 at a million) would count as one; a document with the second is
/// still a duplicate only if its 64 stored bits match the first's document.
struct DocumentTable {
    /// Slots of MediaId key, first document's key (0 when a MediaId came
    /// without a document), and its payload when kept.
    private var byMediaId: [FingerprintShard]
    /// Documents without a MediaId, or not the first with theirs.
    private var others: FingerprintTable
    private let remembersPayloads: Bool
    /// How many distinct MediaIds.
    private(set) var mediaIds = 0

    init(remembersPayloads: Bool) {
        self.remembersPayloads = remembersPayloads
        byMediaId = Array(repeating: FingerprintShard(stride: remembersPayloads ? 3 : 2), count: 1 << FingerprintTable.shardBits)
        others = FingerprintTable(remembersPayloads: remembersPayloads)
    }

    /// How many distinct documents.
    var documents: Int { others.count + documentsByMediaId }
    private var documentsByMediaId = 0

    /// Makes room for about `count` documents, each with a MediaId of its own.
    mutating func reserveCapacity(_ count: Int) {
        for index in byMediaId.indices { byMediaId[index].reserve(FingerprintTable.perShard(count)) }
    }

    /// Counts a MediaId seen without a document (not well-formed JSON).
    mutating func insert(mediaId: Fingerprint) {
        let (shard, key) = FingerprintTable.split(mediaId)
        if byMediaId[shard].find(key).isNew { mediaIds += 1 }
    }

    /// Asks for the cache line `insert(document:mediaId:payload:)` will look at first.
    func prefetch(document: Fingerprint, mediaId: Fingerprint?) {
        guard let mediaId else { return others.prefetch(document) }
        let (shard, key) = FingerprintTable.split(mediaId)
        byMediaId[shard].prefetch(key)
    }

    /// Adds the document, or finds it: returns the payload stored with it
    /// when it was seen before (0 when payloads are not kept), nil when it is new.
    mutating func insert(document: Fingerprint, mediaId: Fingerprint?, payload: UInt64) -> UInt64? {
        guard let mediaId else { return others.insert(document, payload: payload) }
        let (shard, key) = FingerprintTable.split(mediaId)
        let documentKey = FingerprintTable.split(document).key
        let (slot, isNew) = byMediaId[shard].find(key)
        if isNew { mediaIds += 1 }
        // A document's MediaId is part of it, so every copy of one document
        // takes this path with this MediaId: the first with it claims the slot.
        if slot[1] == 0 {
            slot[1] = documentKey
            if remembersPayloads { slot[2] = payload }
            documentsByMediaId += 1
            return nil
        }
        if slot[1] == documentKey { return remembersPayloads ? slot[2] : 0 }
        return others.insert(document, payload: payload)
    }
}
