import Platform

/// The line each part of a stream starts on, learnt as the parts are read.
///
/// Counting every part's line feeds before reading any cost a whole extra
/// pass over the file, about a twentieth of a two-thread run's time. Instead
/// each part's reader counts its own part while the bytes are fresh in its
/// cache, posts the count, and waits only for the parts before its own,
/// which other threads took earlier and count first thing.
final class LineLedger: Sendable {
    private struct Ledger {
        /// What each part posted: nil until it posts, then its line feeds, or
        /// nil inside when they could not be counted.
        var counts: [Int??]
        /// The first line of parts 0..<firstLines.count, known once every part
        /// before them posted; nil from a part whose count is unknown on.
        var firstLines: [Int?] = [1]
    }

    private let ledger: Mutex<Ledger>

    init(parts: Int) {
        ledger = Mutex(Ledger(counts: Array(repeating: nil, count: parts)))
    }

    /// Part `part` holds `lineFeeds` line feeds (nil: it could not be read
    /// through). Every part a thread takes must post, even one it fails to
    /// read, or later parts wait forever.
    func post(_ part: Int, lineFeeds: Int?) {
        ledger.withLock { ledger in
            ledger.counts[part] = .some(lineFeeds)
            while ledger.firstLines.count <= ledger.counts.count, case .some(let count) = ledger.counts[ledger.firstLines.count - 1] {
                // firstLines starts with the first part's line and only grows.
                ledger.firstLines.append(ledger.firstLines.last!.flatMap { first in count.map { first + $0 } })
            }
            self.ledger.wakeWaiters()
        }
    }

    /// The line part `part` starts on, once every part before it has
    /// posted; nil when one of them could not be counted, so only the
    /// committing thread, which knows where it is, may read this part.
    func firstLine(of part: Int) -> Int? {
        ledger.withLock(waitingUntil: { $0.firstLines.count > part }) { $0.firstLines[part] }
    }
}
