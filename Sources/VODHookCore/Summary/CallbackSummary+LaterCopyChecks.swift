extension CallbackSummary {
    /// Counts a document as `add(_:values:at:)` does, but checks it for an
    /// earlier copy `copyCheckLag` documents later. In a large log the
    /// table of distinct documents far outgrows the caches, and waiting for
    /// memory on every lookup was a seventh of a summary's time; the slot
    /// is asked for now and read then, when it has arrived.
    ///
    /// For a summary that does not remember locations (there is no first
    /// copy to return). Call `finishCopyChecks()` before reading
    /// `duplicates` or `distinctMediaIds`.
    public mutating func addCheckingCopyLater(_ entry: SummaryEntry, values: UnsafeRawBufferPointer) {
        guard let fingerprint = entry.normalized, !remembersLocations else {
            add(entry, values: values, at: DocumentLocation(source: 0, line: 0))
            return
        }
        countValues(entry, values)
        firstCopies.prefetch(document: fingerprint, mediaId: entry.mediaId)
        if pendingCount == Self.copyCheckLag { checkOldestCopy() }
        pendingCopies[(pendingStart + pendingCount) % Self.copyCheckLag] = (fingerprint, entry.mediaId)
        pendingCount += 1
    }

    /// Checks every document still waiting for its copy check.
    public mutating func finishCopyChecks() {
        while pendingCount > 0 { checkOldestCopy() }
    }

    private mutating func checkOldestCopy() {
        // Called only while pendingCount > 0, and pendingStart names the oldest pending copy.
        let (document, mediaId) = pendingCopies[pendingStart]!
        pendingCopies[pendingStart] = nil
        pendingStart = (pendingStart + 1) % Self.copyCheckLag
        pendingCount -= 1
        _ = noteCopy(document, mediaId: mediaId, at: DocumentLocation(source: 0, line: 0))
    }
}
