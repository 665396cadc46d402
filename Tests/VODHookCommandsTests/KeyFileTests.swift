import Foundation
import Testing
import VODHookCore

/// `--key-file` reads the whole file (issue 18: it used to stop at 1 MiB
/// without a word and sign with the truncated key), and refuses, with exit
/// status 2, a file past its documented limit rather than cutting it short.
@Suite struct KeyFileTests {
    static let url = "https://example.com/vod/callback"
    static let timestamp = "1764316801"

    /// 1.5 MiB of key whose last bytes differ from its first megabyte's, so a
    /// truncated read signs something else. Surrounded by whitespace, which is trimmed.
    static let longKey: String = {
        var random = VODHookCore.SplitMix64(seed: 18)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(3 << 19)
        while bytes.count < 3 << 19 { bytes.append(alphabet[random.below(alphabet.count)]) }
        return String(decoding: bytes, as: UTF8.self) + "-end-of-key"
    }()

    static func writeTemporary(_ data: Data, name: String) throws -> URL {
        // A folder per call: two tests sign with the long key at once, and one's cleanup must not take the other's file.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-keyfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try data.write(to: file)
        return file
    }

    static func signWithLongKey() throws -> BinaryRunner.Result {
        let file = try writeTemporary(Data(("  " + longKey + " \r\n\n").utf8), name: "long.key")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        return try InProcess.runLikeBinary(["sign", "--url", url, "--key-file", file.path, "--timestamp", timestamp], stdin: nil)
    }

    /// The reproducer as a golden file (the path is a temporary one, so it is left out).
    @Test func longKeyFileSignatureMatchesGolden() throws {
        let result = try Self.signWithLongKey()
        let actual = "$ vodhook sign --url \(Self.url) --key-file LONG_KEY_FILE --timestamp \(Self.timestamp)\n"
            + "--- exit status: \(result.status)\n--- stdout\n" + String(decoding: result.stdout, as: UTF8.self)
            + "--- stderr\n" + String(decoding: result.stderr, as: UTF8.self)
        let file = GoldenTests.goldenDirectory.appendingPathComponent("expected/sign-long-key-file.txt")
        if ProcessInfo.processInfo.environment["VODHOOK_RECORD_GOLDEN"] == "1" {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "output differs from \(file.lastPathComponent); if intended, re-record with VODHOOK_RECORD_GOLDEN=1")
    }

    /// md5 of the full "URL|timestamp|key" text, from an implementation that is not ours.
    static func referenceMD5(_ text: String) -> String? {
        let attempts: [(String, [String])] = [
            ("/usr/bin/env", ["python3", "-c", "import hashlib,sys; print(hashlib.md5(sys.stdin.buffer.read()).hexdigest())"]),
            ("/usr/bin/env", ["md5sum"]),
        ]
        for (executable, arguments) in attempts {
            guard let run = try? ExternalTool.launch(
                URL(fileURLWithPath: executable), arguments, in: BinaryRunner.packageRoot,
                environment: ProcessInfo.processInfo.environment, input: .bytes(Data(text.utf8)), timeout: 600),
                run.status == 0
            else { continue }
            let digest = String(decoding: run.stdout, as: UTF8.self).prefix { $0.isHexDigit }
            if digest.count == 32 { return String(digest) }
        }
        return nil
    }

    static let referenceAvailable = referenceMD5("") == "d41d8cd98f00b204e9800998ecf8427e"

    @Test(.enabled(if: referenceAvailable, "needs python3 or md5sum as an independent MD5"))
    func longKeyFileSignsTheWholeKey() throws {
        let result = try Self.signWithLongKey()
        #expect(result.status == 0, "\(String(decoding: result.stderr, as: UTF8.self))")
        let expected = try #require(Self.referenceMD5("\(Self.url)|\(Self.timestamp)|\(Self.longKey)"))
        #expect(String(decoding: result.stdout, as: UTF8.self) == "X-VOD-TIMESTAMP: \(Self.timestamp)\nX-VOD-SIGNATURE: \(expected)\n")
    }

    @Test func keyFileOverTheLimitIsAUsageError() throws {
        let file = try Self.writeTemporary(Data(), name: "huge.key")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        // Sparse: 64 MiB and one byte of zeros, without writing them.
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(64 << 20) + 1)
        try handle.close()
        let result = try InProcess.runLikeBinary(["sign", "--url", Self.url, "--key-file", file.path, "--timestamp", Self.timestamp], stdin: nil)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(String(decoding: result.stderr, as: UTF8.self).contains("is larger than 64 MiB; it should hold keys, one per line"))
    }
}
