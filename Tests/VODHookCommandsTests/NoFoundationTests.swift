import Foundation
import Testing

/// The core and the executable must not link Foundation: it costs start-up
/// time and stops the binary from being a small static file.
@Suite struct NoFoundationTests {
    @Test func binaryDoesNotLinkFoundation() throws {
        let binary = BinaryRunner.binary
        try #require(FileManager.default.fileExists(atPath: binary.path), "built binary not found at \(binary.path)")
        let output = try ExternalTool.run(URL(fileURLWithPath: "/usr/bin/env"), ["ldd", binary.path]).stdout
        // ldd may be missing or say "not a dynamic executable" for a static build; both are fine.
        let libraries = output.split(separator: "\n").filter { $0.contains("=>") || $0.contains(".so") }
        let foundation = libraries.filter { $0.localizedCaseInsensitiveContains("Foundation") || $0.contains("libxml") || $0.contains("libcurl") }
        #expect(foundation.isEmpty, "Foundation linked: \(foundation)")
    }

    @Test func coreSourcesDoNotImportFoundation() throws {
        let sources = BinaryRunner.packageRoot.appendingPathComponent("Sources")
        let enumerator = FileManager.default.enumerator(atPath: sources.path)
        var offenders: [String] = []
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            if text.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("import Foundation") }) {
                offenders.append(path)
            }
        }
        #expect(offenders.isEmpty, "\(offenders)")
    }
}
