import Foundation
import Testing
@testable import VODHookCore

@Suite struct MD5Tests {
    // RFC 1321 appendix A.5, the whole test suite.
    @Test(arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func rfc1321TestSuite(input: String, digest: String) {
        #expect(MD5.hex(input.utf8) == digest)
    }

    @Test func digestIsSixteenBytes() {
        var md5 = MD5()
        md5.update("abc".utf8)
        let digest = md5.finalize()
        #expect(digest.count == 16)
        #expect(digest.first == 0x90 && digest.last == 0x72)
    }

    @Test func oneMillionAs() {
        #expect(MD5.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "7707d6ae4e027c70eea2a935c2296f21")
    }

    // Every split of a message long enough to cross two block boundaries, for
    // both entry points and for the non-contiguous byte-by-byte path.
    @Test func streamingAgreesWithOneShotAtEverySplit() {
        let message = Self.pattern(count: 130)
        let oneShot = MD5.hex(message)
        for split in 0...130 {
            var viaSequences = MD5()
            viaSequences.update(message[..<split])
            viaSequences.update(message[split...])
            #expect(lowercaseHex(viaSequences.finalize()) == oneShot, "split at \(split)")

            var viaPointers = MD5()
            message.withUnsafeBytes { all in
                viaPointers.update(UnsafeRawBufferPointer(rebasing: all[..<split]))
                viaPointers.update(UnsafeRawBufferPointer(rebasing: all[split...]))
            }
            #expect(lowercaseHex(viaPointers.finalize()) == oneShot, "split at \(split)")

            var viaIterators = MD5()
            viaIterators.update(message[..<split].lazy.map { $0 })
            viaIterators.update(message[split...].lazy.map { $0 })
            #expect(lowercaseHex(viaIterators.finalize()) == oneShot, "split at \(split)")
        }
    }

    @Test func manySmallUpdatesAgreeWithOneShot() {
        let message = Self.pattern(count: 1000)
        var md5 = MD5()
        var start = 0
        var width = 1
        while start < message.count {
            let end = min(message.count, start + width)
            md5.update(message[start..<end])
            start = end
            width = width % 70 + 1
        }
        #expect(lowercaseHex(md5.finalize()) == MD5.hex(message))
    }

    @Test func emptyUpdatesChangeNothing() {
        var md5 = MD5()
        md5.update([UInt8]())
        md5.update(UnsafeRawBufferPointer(start: nil, count: 0))
        md5.update("abc".utf8)
        md5.update([UInt8]())
        #expect(lowercaseHex(md5.finalize()) == "900150983cd24fb0d6963f7d28e17f72")
    }

    // Lengths around the padding edges (55/56/64 modulo 64) checked against
    // the system's md5sum, so the known values are not only our own.
    @Test(.enabled(if: Self.md5sumPath != nil, "md5sum not found; skipping the cross-check"),
          arguments: [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 121, 127, 128, 129, 130, 1000])
    func agreesWithMD5Sum(length: Int) throws {
        let message = Self.pattern(count: length)
        let expected = try Self.md5sum(message)
        #expect(MD5.hex(message) == expected)
    }

    static func pattern(count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    }

    static let md5sumPath: String? = ["/usr/bin/md5sum", "/bin/md5sum"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func md5sum(_ bytes: [UInt8]) throws -> String {
        let data = try ReferenceTool.run(URL(fileURLWithPath: md5sumPath!), [], input: Data(bytes)).stdout
        return String(decoding: data.prefix(32), as: UTF8.self)
    }
}
