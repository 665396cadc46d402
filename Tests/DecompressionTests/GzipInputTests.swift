@testable import Decompression
import Testing
import VODHookCore
import TestSupport

/// The decoder on gzip made in the test: every member read, damage kept as
/// a value with its compressed offset, never a crash, whatever the input.
@Suite struct GzipInputTests {
    /// Reads all of `input` in pieces of `piece` bytes.
    static func drain(_ input: inout some ByteInput, piece: Int = 1 << 16) throws -> [UInt8] {
        var text: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: piece, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = try input.read(into: buffer)
            if count == 0 { return text }
            text += buffer[0..<count]
        }
    }

    static func decode(_ compressed: [UInt8], piece: Int = 1 << 16, bufferSize: Int = 1 << 17) throws -> (text: [UInt8], damage: GzipDamage?) {
        var input = GzipInput(source: BytesInput(compressed), bufferSize: bufferSize)
        let text = try drain(&input, piece: piece)
        return (text, input.damage)
    }

    @Test(arguments: [(1, 16), (7, 16), (4096, 64), (1 << 16, 1 << 17)])
    func decodesWhateverTheBufferSizes(piece: Int, bufferSize: Int) throws {
        let text = sampleText(lines: 300)
        let decoded = try Self.decode(gzipped(text), piece: piece, bufferSize: bufferSize)
        #expect(decoded.text == text)
        #expect(decoded.damage == nil)
    }

    @Test func readsEveryMemberOfAMultiMemberFile() throws {
        let first = sampleText(lines: 40)
        let second = Array("{\"EventType\":\"DeleteMediaComplete\"}\n".utf8)
        let decoded = try Self.decode(gzipped(first) + gzipped([]) + gzipped(second, level: 1), bufferSize: 16)
        #expect(decoded.text == first + second)
        #expect(decoded.damage == nil)
    }

    @Test func anEmptyMemberIsEmptyText() throws {
        let decoded = try Self.decode(gzipped([]))
        #expect(decoded.text.isEmpty)
        #expect(decoded.damage == nil)
    }

    @Test func everyCutIsDamageAfterAPrefixOfTheText() throws {
        let text = sampleText(lines: 30)
        let compressed = gzipped(text)
        for length in 2..<compressed.count {
            let decoded = try Self.decode(Array(compressed.prefix(length)), piece: 97, bufferSize: 61)
            #expect(text.starts(with: decoded.text), "cut at \(length)")
            let damage = try #require(decoded.damage, "cut at \(length)")
            #expect(damage.reason == .cutShort)
            #expect(damage.compressedOffset == length)
            #expect(damage.decompressedOffset == decoded.text.count)
        }
    }

    @Test func everyFlippedByteIsDamageOrTheSameText() throws {
        let text = sampleText(lines: 12)
        let compressed = gzipped(text)
        for index in compressed.indices {
            var flipped = compressed
            flipped[index] ^= 0x20
            let decoded = try Self.decode(flipped, piece: 113, bufferSize: 57)
            if let damage = decoded.damage {
                #expect(damage.compressedOffset <= compressed.count)
                #expect(damage.decompressedOffset == decoded.text.count)
            } else {
                // The header's time, flags' spare bits and OS byte change nothing that is checked.
                #expect(decoded.text == text, "flip at \(index)")
            }
        }
    }

    @Test func dataAfterTheLastMemberIsDamage() throws {
        let text = sampleText(lines: 3)
        let compressed = gzipped(text)
        let decoded = try Self.decode(compressed + Array("junk".utf8))
        #expect(decoded.text == text)
        #expect(decoded.damage == GzipDamage(reason: .trailingData, compressedOffset: compressed.count, decompressedOffset: text.count, member: 2))
    }

    @Test func theFindingPointsAtTheEndOfTheTextWithItsLastLine() throws {
        let text = Array("{\"a\":1}\n{\"b\":\"caf\u{E9}".utf8)
        let compressed = gzipped(text + Array(String(repeating: "x", count: 5000).utf8))
        // Cut where the decoder has produced exactly `text` is hard to hit, so cut anywhere and read what came.
        let source = GzipSource(compressed: BytesInput(Array(compressed.prefix(compressed.count - 9))), decoderThread: false)
        var input = source.input
        let decoded = try Self.drain(&input)
        let (finding, locator) = try #require(source.finish())
        #expect(finding.rule == .compressedInputDamaged)
        #expect(finding.offset == decoded.count)
        #expect(finding.message.contains("cut short at compressed byte \(compressed.count - 9)"))
        let lastLine = decoded.split(separator: 0x0A, omittingEmptySubsequences: false).last ?? []
        let position = locator.position(ofSourceOffset: finding.offset)
        #expect(position.line == decoded.filter { $0 == 0x0A }.count + 1)
        #expect(position.column == String(decoding: lastLine, as: UTF8.self).unicodeScalars.count + 1)
        let excerpt = locator.sourceLine(containing: finding.offset, reach: 60)
        #expect(lastLine.elementsEqual(lastLine.prefix(lastLine.count - excerpt.text.count) + excerpt.text))
        #expect(excerpt.firstColumn + String(decoding: excerpt.text, as: UTF8.self).unicodeScalars.count == position.column)
    }
}

/// The decoder thread: the same text as decoding on the reader's thread,
/// and a reader that stops early does not leave the thread behind.
@Suite struct ReadAheadInputTests {
    @Test(arguments: [16, 4096, 1 << 18])
    func givesTheSameTextAsTheReadersThread(slotSize: Int) throws {
        let text = sampleText(lines: 2000)
        let compressed = gzipped(text)
        let ahead = ReadAheadInput(GzipInput(source: BytesInput(compressed)), slotCount: 3, slotSize: slotSize)
        #expect(ahead.start())
        var input = ahead
        let decoded = try GzipInputTests.drain(&input, piece: 1000)
        ahead.finish()
        #expect(decoded == text)
    }

    @Test func aReaderThatStopsEarlyEndsTheThread() throws {
        let compressed = gzipped(sampleText(lines: 5000))
        let source = GzipSource(compressed: BytesInput(compressed), decoderThread: true)
        var input = source.input
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 100, alignment: 8)
        defer { buffer.deallocate() }
        #expect(try input.read(into: buffer) > 0)
        // The ring is full and the thread waits for room: finishing must wake and join it.
        #expect(source.finish() == nil)
    }

    @Test func damageSeenByTheThreadIsReportedAfterTheText() throws {
        let text = sampleText(lines: 500)
        let compressed = gzipped(text)
        let source = GzipSource(compressed: BytesInput(Array(compressed.prefix(compressed.count / 2))), decoderThread: true)
        var input = source.input
        let decoded = try GzipInputTests.drain(&input)
        #expect(text.starts(with: decoded))
        let (finding, _) = try #require(source.finish())
        #expect(finding.offset == decoded.count)
    }
}
