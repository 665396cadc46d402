import Foundation
import Testing

/// A key beyond U+FFFF that must be escaped (U+F0000, private use) is
/// written as a surrogate pair by every writer that escapes: one `\u`
/// escape of five digits, as before, reads as U+F000 followed by "0".
@Suite struct AstralEscapeTests {
    static let valid = #"{"EventType":"DeleteMediaComplete","EventTime":"2017-03-20T07:49:17Z","Status":"success","MediaType":"video","DeleteType":"all","MediaId":"10f6baa29bdf71f1bfc46733a78e0102","\#u{F0000}":1}"#

    static func run(_ format: String) throws -> String {
        let directory = try InProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("astral.json")
        try Data(valid.utf8).write(to: file)
        return InProcess.run(["check", "--format", format, file.path]).text
    }

    @Test(arguments: ["json", "sarif"]) func jsonWritersUseASurrogatePair(format: String) throws {
        let text = try Self.run(format)
        #expect(text.contains(#"\udb80\udc00"#), "\(text)")
        #expect(!text.contains(#"\uf0000"#))
        // A JSON reader gets the key back.
        if format == "json" {
            let record = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            let diagnostics = record?["diagnostics"] as? [[String: Any]] ?? []
            #expect(diagnostics.first?["pointer"] as? String == "/\u{F0000}")
        }
    }

    @Test(arguments: ["junit", "github", "text"]) func otherWritersUseASurrogatePair(format: String) throws {
        let text = try Self.run(format)
        #expect(text.contains(#"\udb80\udc00"#), "\(text)")
        #expect(!text.contains(#"\uf0000"#))
    }
}
