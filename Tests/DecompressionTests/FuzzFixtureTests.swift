import Foundation
@testable import Decompression
import Testing
import VODHookCore
import TestSupport

/// Inputs the gzip fuzz target found (Fuzz/GzipFuzzer.swift), each read
/// whole and dribbled a few bytes at a time: the text and the damage must
/// not depend on how the compressed bytes arrive.
@Suite struct GzipFuzzFixtureTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let fixtures = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()

    @Test(arguments: fixtures)
    func readsTheSameHoweverTheBytesArrive(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: Self.directory.appendingPathComponent(name)))
        let whole = try Self.decode(BytesInput(bytes), piece: 1 << 16)
        for step in 1...7 {
            for piece in [1, 4, 13, 4096] {
                let dribbled = try Self.decode(DribbleInput(bytes, step: step), piece: piece)
                #expect(dribbled == whole, "step \(step), piece \(piece): \(dribbled.dropFirst()) against \(whole.dropFirst())")
            }
        }
    }

    /// The text, and the damage finding with its position and excerpt, as one string.
    static func decode(_ compressed: any ByteInput, piece: Int) throws -> [String] {
        let source = GzipSource(compressed: compressed, decoderThread: false)
        var input = source.input
        let text = try GzipInputTests.drain(&input, piece: piece)
        guard let (finding, locator) = source.finish() else { return ["\(text)"] }
        let excerpt = locator.sourceLine(containing: finding.offset, reach: 240)
        return ["\(text)", finding.message, "\(locator.position(ofSourceOffset: finding.offset))", "\(excerpt)"]
    }
}
