import Testing
@testable import VODHookCore

/// `DocumentTable` keeps documents by MediaId with an overflow table; these
/// pin it to a `Set` of documents and a `Set` of MediaIds.
@Suite struct DocumentTableTests {
    @Test(arguments: [false, true])
    func behavesLikeSetsOverRandomInput(payloads: Bool) {
        var random = SplitMix64(seed: 7)
        var table = DocumentTable(remembersPayloads: payloads)
        var documents: [Fingerprint: UInt64] = [:]
        var mediaIds = Set<Fingerprint>()
        // Documents and the MediaId each names, so a repeat names the same one.
        var pool: [(document: Fingerprint, mediaId: Fingerprint?)] = []
        // Few MediaIds for many documents: slots get second and third documents.
        let idPool = (0..<20_000).map { _ in Fingerprint(high: random.next(), low: random.next()) }
        for step in 0..<300_000 {
            let pick: (document: Fingerprint, mediaId: Fingerprint?)
            switch random.next() % 8 {
            case 0 where !pool.isEmpty:
                pick = pool[Int(random.next() % UInt64(pool.count))]
            case 1:
                // A MediaId without a document, as for a document that is not JSON.
                let id = idPool[Int(random.next() % UInt64(idPool.count))]
                table.insert(mediaId: id)
                mediaIds.insert(id)
                continue
            default:
                let id = random.next() % 10 == 0 ? nil : idPool[Int(random.next() % UInt64(idPool.count))]
                pick = (Fingerprint(high: random.next(), low: random.next()), id)
                pool.append(pick)
            }
            let found = table.insert(document: pick.document, mediaId: pick.mediaId, payload: UInt64(step))
            if let id = pick.mediaId { mediaIds.insert(id) }
            if let first = documents[pick.document] {
                #expect(found == (payloads ? first : 0))
            } else {
                #expect(found == nil)
                documents[pick.document] = UInt64(step)
            }
        }
        #expect(table.documents == documents.count)
        #expect(table.mediaIds == mediaIds.count)
    }

    @Test func theFirstDocumentAfterABareMediaIdClaimsItsSlot() {
        var table = DocumentTable(remembersPayloads: true)
        let id = Fingerprint(high: 1 << 60, low: 42)
        table.insert(mediaId: id)
        #expect(table.mediaIds == 1 && table.documents == 0)
        let first = Fingerprint(high: 5, low: 6)
        let second = Fingerprint(high: 7, low: 8)
        #expect(table.insert(document: first, mediaId: id, payload: 10) == nil)
        #expect(table.insert(document: second, mediaId: id, payload: 11) == nil)
        #expect(table.insert(document: first, mediaId: id, payload: 12) == 10)
        #expect(table.insert(document: second, mediaId: id, payload: 13) == 11)
        #expect(table.mediaIds == 1 && table.documents == 2)
    }

    /// Fingerprints spread as hashes are: small counting numbers all have the
    /// same home slot and shard, and made this test quadratic (2.9 s of CPU).
    @Test func aCopyChangedApartLeavesTheOriginalAlone() {
        var random = SplitMix64(seed: 60)
        func spread() -> Fingerprint { Fingerprint(high: random.next(), low: random.next()) }
        var original = DocumentTable(remembersPayloads: false)
        for _ in 1...500 { _ = original.insert(document: spread(), mediaId: spread(), payload: 0) }
        var copy = original
        for _ in 501...20_000 { _ = copy.insert(document: spread(), mediaId: spread(), payload: 0) }
        #expect(original.documents == 500 && original.mediaIds == 500)
        #expect(copy.documents == 20_000 && copy.mediaIds == 20_000)
    }
}
