import Foundation
import Testing
@testable import VODHookCore

/// One case from `Fixtures/reader/*.fixtures`; the format is described in
/// `Fixtures/reader/README.md`.
struct ReaderFixture: Sendable, CustomTestStringConvertible {
    struct Expectation: Sendable, Hashable {
        var document: Int
        var rule: String
        var line: Int
        var column: Int
        var pointer: String?
        var message: String?
    }

    var file: String
    var line: Int
    var name: String
    var mode: ReadingMode = .body
    var input: [UInt8] = []
    var documents: Int?
    var expectations: [Expectation] = []
    /// Document number to its expected canonical value.
    var values: [Int: String] = [:]
    var prefixes: [Int: String] = [:]
    var starts: [Int: SourcePosition] = [:]

    var testDescription: String { "\(file):\(line) \(name)" }
}

enum FixtureError: Error, CustomStringConvertible {
    case malformed(file: String, line: Int, reason: String)
    var description: String {
        switch self {
        case .malformed(let file, let line, let reason): "\(file):\(line): \(reason)"
        }
    }
}

enum ReaderFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reader")

    /// Every case of every fixture file, in file and line order. A file that
    /// does not parse stops the run: a silently skipped case would pass.
    static let all: [ReaderFixture] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var fixtures: [ReaderFixture] = []
        for name in names.sorted() where name.hasSuffix(".fixtures") {
            let text = try! String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            do {
                fixtures += try parse(text, file: name)
            } catch {
                fatalError("\(error)")
            }
        }
        precondition(!fixtures.isEmpty, "no fixtures found in \(directory.path)")
        return fixtures
    }()

    static func parse(_ text: String, file: String) throws -> [ReaderFixture] {
        var fixtures: [ReaderFixture] = []
        var defaultMode = ReadingMode.body
        var current: ReaderFixture?
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = number + 1
            let line = String(rawLine)
            func fail(_ reason: String) -> FixtureError { .malformed(file: file, line: lineNumber, reason: reason) }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let (keyword, rest) = split(line)
            if keyword == "===" {
                if let finished = current { fixtures.append(finished) }
                current = ReaderFixture(file: file, line: lineNumber, name: rest, mode: defaultMode)
                continue
            }
            guard var fixture = current else {
                guard keyword == "mode", let mode = ReadingMode(rawValue: rest) else { throw fail("expected '=== name' or a default 'mode'") }
                defaultMode = mode
                continue
            }
            switch keyword {
            case "mode":
                guard let mode = ReadingMode(rawValue: rest) else { throw fail("unknown mode \(rest)") }
                fixture.mode = mode
            case "input": fixture.input += try bytes(rest, fail)
            case "line": fixture.input += try bytes(rest, fail) + [0x0A]
            case "repeat":
                let (count, text) = split(rest)
                guard let times = Int(count) else { throw fail("repeat needs a count") }
                let piece = try bytes(text, fail)
                for _ in 0..<times { fixture.input += piece }
            case "documents":
                guard let count = Int(rest) else { throw fail("documents needs a count") }
                fixture.documents = count
            case "expect": fixture.expectations.append(try expectation(rest, fail))
            case "value", "prefix", "start":
                let (document, text) = split(rest)
                guard let index = Int(document) else { throw fail("\(keyword) needs a document number") }
                switch keyword {
                case "value": fixture.values[index] = text
                case "prefix": fixture.prefixes[index] = text
                default:
                    guard let position = position(text) else { throw fail("start needs line:column") }
                    fixture.starts[index] = position
                }
            default: throw fail("unknown keyword '\(keyword)'")
            }
            current = fixture
        }
        if let finished = current { fixtures.append(finished) }
        return fixtures
    }

    /// `1 json-syntax 3:7 /a/0 | message`: pointer and message are optional.
    private static func expectation(_ text: String, _ fail: (String) -> FixtureError) throws -> ReaderFixture.Expectation {
        var head = text
        var message: String?
        if let bar = text.range(of: " | ") {
            head = String(text[..<bar.lowerBound])
            message = String(text[bar.upperBound...])
        }
        let fields = head.split(separator: " ").map(String.init)
        guard fields.count == 3 || fields.count == 4, let document = Int(fields[0]), let at = position(fields[2]) else {
            throw fail("expect needs: document rule line:column [pointer] [| message]")
        }
        return .init(
            document: document, rule: fields[1], line: at.line, column: at.column,
            pointer: fields.count == 4 ? fields[3] : nil, message: message)
    }

    private static func position(_ text: String) -> SourcePosition? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let line = Int(parts[0]), let column = Int(parts[1]) else { return nil }
        return SourcePosition(line: line, column: column)
    }

    private static func split(_ line: String) -> (String, String) {
        guard let space = line.firstIndex(of: " ") else { return (line, "") }
        return (String(line[..<space]), String(line[line.index(after: space)...]))
    }

    static let namedBytes: [String: [UInt8]] = [
        "LF": [0x0A], "CR": [0x0D], "TAB": [0x09], "SP": [0x20], "RS": [0x1E], "NUL": [0x00],
        "BOM": [0xEF, 0xBB, 0xBF],
    ]

    /// The text's UTF-8, with `${...}` standing for bytes: two hex digits or
    /// a name from `namedBytes`, separated by spaces.
    static func bytes(_ text: String, _ fail: (String) -> FixtureError) throws -> [UInt8] {
        var out: [UInt8] = []
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            out += Array(rest[..<open.lowerBound].utf8)
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { throw fail("unclosed ${") }
            for token in rest[open.upperBound..<close].split(separator: " ") {
                if let named = namedBytes[String(token)] {
                    out += named
                } else if token.count == 2, let byte = UInt8(token, radix: 16) {
                    out.append(byte)
                } else {
                    throw fail("'\(token)' is neither two hex digits nor a byte name")
                }
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + Array(rest.utf8)
    }
}
