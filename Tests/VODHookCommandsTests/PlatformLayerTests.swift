import Foundation
import Platform
import Testing

/// Every call into the C library goes through `Platform`: one file imports
/// the C library, and only `Platform` imports that file's module.
@Suite struct PlatformLayerTests {
    static let cLibraries = ["Glibc", "Musl", "Darwin", "CLibrary"]

    @Test func onlyOneFileImportsTheCLibrary() throws {
        let sources = BinaryRunner.packageRoot.appendingPathComponent("Sources")
        let enumerator = FileManager.default.enumerator(atPath: sources.path)
        var importers: [String: Set<String>] = [:]
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                guard let at = words.firstIndex(of: "import"), at + 1 < words.count else { continue }
                if Self.cLibraries.contains(words[at + 1]) { importers[words[at + 1], default: []].insert(path) }
            }
        }
        #expect(importers["Glibc"] == ["CLibrary/CLibrary.swift"])
        #expect(importers["Musl"] == ["CLibrary/CLibrary.swift"])
        #expect(importers["Darwin"] == ["CLibrary/CLibrary.swift"])
        #expect(importers["CLibrary", default: []].allSatisfy { $0.hasPrefix("Platform/") }, "\(importers["CLibrary"] ?? [])")
    }

    @Test func pageSizeIsAskedOfTheSystem() {
        let page = Memory.pageSize
        #expect(page >= 4096 && page & (page - 1) == 0, "\(page)")
    }

    @Test func byteSearchAndCompareAgreeWithTheStandardLibrary() {
        let bytes: [UInt8] = Array("callback\nlog\n".utf8)
        bytes.withUnsafeBytes { raw in
            let found = Memory.first(0x0A, from: raw.baseAddress!, count: raw.count)
            #expect(found.map { $0 - raw.baseAddress! } == bytes.firstIndex(of: 0x0A))
            #expect(Memory.first(0x00, from: raw.baseAddress!, count: raw.count) == nil)
            #expect(Memory.compare(raw.baseAddress!, raw.baseAddress! + 9, count: 3) < 0)
        }
    }

    @Test func errorsCarryTheirNames() {
        #expect(throws: SystemError.noSuchFile) { try Files.openForReading("/nonexistent/vodhook-platform-test") }
        #expect(SystemError.noSuchFile.message.contains("no such file"))
    }
}
