import Foundation
import Platform
import Testing
@testable import VODHookCommands
import VODHookCore

/// A file's parts learn their first lines as they are read: each part
/// counts its own line feeds and waits only for the parts before it.
@Suite struct FilePartsTests {
    static let text = "{\"a\":1}\n{\n  \"b\": 2\n}\n{\"c\":3}\n\n{\"d\":4}\n{\"e\":5}\n"

    static func withParts(bufferedLength: Int, _ body: (FileParts) throws -> Void) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-file-parts-\(bufferedLength)-\(UUID().uuidString).ndjson")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let descriptor = open(file.path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let length = text.utf8.count
        let plan = try ChunkPlan.make(descriptor: descriptor, origin: 0, length: length, chunkSize: 9)
        try body(FileParts(descriptor: descriptor, origin: 0, plan: plan, fileLength: length, bufferedLength: bufferedLength))
    }

    /// Where each part starts and the text it reads, each part opened on a
    /// thread of its own, the first part last: the others wait for its count.
    static func openedOutOfOrder(_ parts: FileParts) throws -> [(start: ReadStart, text: String)] {
        let count = parts.plan.starts.count
        // NSLock, a pthread mutex ThreadSanitizer sees, rather than Synchronization's
        // futex-based Mutex, whose ordering a TSan run reported as a race here.
        let opened = Opened()
        let threads = try #require(WorkerThreads(count: count) { index in
            if index == 0 { usleep(50_000) }
            guard let (start, input) = try? parts.open(index, buffer: PartBuffer()) else { return }
            var rest = input
            let bytes = (try? rest.readUpTo(parts.plan.limits[index] - start.offset)) ?? []
            opened.set(index, (start, String(decoding: bytes, as: UTF8.self)))
        })
        threads.join()
        let found = opened.all
        return try (0..<count).map { index in try #require(found[index]) }
    }

    /// What each thread opened, by part.
    final class Opened: @unchecked Sendable {
        private let lock = NSLock()
        private var parts: [Int: (ReadStart, String)] = [:]
        func set(_ index: Int, _ part: (ReadStart, String)) { lock.withLock { parts[index] = part } }
        var all: [Int: (ReadStart, String)] { lock.withLock { parts } }
    }

    @Test(arguments: [1, 4, 64])
    func partsOpenedInAnyOrderStartOnTheirLines(bufferedLength: Int) throws {
        try Self.withParts(bufferedLength: bufferedLength) { parts in
            // Cuts need 9 bytes and a line that may start a document: not the
            // indented or closing lines of the second document; the last
            // part is shorter than 9 bytes and joins the one before it.
            #expect(parts.plan.starts == [0, 21, 30])
            let opened = try Self.openedOutOfOrder(parts)
            #expect(opened.map(\.start) == [
                ReadStart(offset: 0, line: 1, column: 1), ReadStart(offset: 21, line: 5, column: 1),
                ReadStart(offset: 30, line: 7, column: 1),
            ])
            #expect(opened.map(\.text).joined() == Self.text)
        }
    }

    @Test func aPartReadsOnPastItsLimitForAValueThatRunsOver() throws {
        try Self.withParts(bufferedLength: 4) { parts in
            // A part's first line waits for the parts before it to be counted.
            _ = try parts.open(0, buffer: PartBuffer())
            var input = try #require(try parts.open(1, buffer: PartBuffer())).input
            #expect(try input.readUpTo(1000) == Array(Self.text.utf8.dropFirst(21)))
        }
    }

    @Test func pastTheLastPartThereIsNothingToOpen() throws {
        try Self.withParts(bufferedLength: 64) { parts in
            let opened = try parts.open(3, buffer: PartBuffer())
            #expect(opened == nil)
        }
    }
}

/// The ledger sums the counts parts post, in part order, whatever order they post in.
@Suite struct LineLedgerTests {
    @Test func firstLinesFollowTheCountsBeforeThem() {
        let ledger = LineLedger(parts: 3)
        ledger.post(2, lineFeeds: 7)
        ledger.post(0, lineFeeds: 3)
        ledger.post(1, lineFeeds: 0)
        #expect([0, 1, 2].map { ledger.firstLine(of: $0) } == [1, 4, 4])
    }

    /// A part that could not be read through leaves the parts after it to
    /// the committing thread, which knows where it is.
    @Test func aPartThatCouldNotBeCountedLeavesLaterPartsUnnumbered() {
        let ledger = LineLedger(parts: 4)
        ledger.post(0, lineFeeds: 3)
        ledger.post(1, lineFeeds: nil)
        ledger.post(2, lineFeeds: 4)
        ledger.post(3, lineFeeds: 1)
        #expect([0, 1, 2, 3].map { ledger.firstLine(of: $0) } == [1, 4, nil, nil])
    }
}
