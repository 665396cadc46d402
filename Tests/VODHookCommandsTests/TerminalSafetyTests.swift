import Foundation
import Testing

/// Payloads that try to reach the terminal or the CI runner through the
/// tool's output, run through every command and format as the binary runs
/// them (in this process: `InProcess.runLikeBinary`, standard input on a pipe).
@Suite struct TerminalSafetyTests {
    struct Payload: CustomStringConvertible, Sendable {
        let description: String
        let bytes: [UInt8]
        init(_ description: String, _ text: String) {
            self.description = description
            self.bytes = Array(text.utf8)
        }
        init(_ description: String, bytes: [UInt8]) {
            self.description = description
            self.bytes = bytes
        }
    }

    static let payloads: [Payload] = [
        Payload("escapes in values", #"{"EventType":"DeleteMediaComplete","EventTime":"2024-01-01T00:00:00Z","Status":"\u001b[2J","MediaType":"vid\u009b31meo","DeleteType":"\u202eall","MediaId":"\u001b]0;pwned\u0007","ErrorCode":"\r\n::error::x","ErrorMessage":"%0A::warning::y"}"#),
        Payload("escapes in keys and event type", #"{"\u001b[31mEventType":"x","EventType":"\u001b[2JDeleteMediaComplete","Sta\u2028tus":1}"#),
        Payload("escape as a date separator", #"{"EventType":"DeleteMediaComplete","EventTime":"2024\u001b01-01T00:00:00Z"}"#),
        Payload("C1 control as a date separator", "{\"EventType\":\"DeleteMediaComplete\",\"EventTime\":\"2024-01\u{9B}01T00:00:00Z\"}"),
        Payload("raw C1, bidi and separators", "{\"Status\":\"\u{9B}31m\u{202E}\u{2028}\u{2066}\",\"MediaId\":\"\u{200F}\u{FEFF}\"}\n"),
        Payload("raw escape byte in a string", bytes: Array("{\"Status\":\"".utf8) + [0x1B] + Array("[2J\"}\n".utf8)),
        Payload("raw escape outside strings", bytes: [0x1B] + Array("[2J{\"a\":1}\n{\"b\"".utf8) + [0x1B, 0x5B, 0x32, 0x4A] + Array(":1}\n".utf8)),
        Payload("invalid UTF-8", bytes: Array("{\"Status\":\"".utf8) + [0xC0, 0x9B, 0xE2, 0x80, 0xFF, 0x9B] + Array("\"}\n".utf8) + [0xC2, 0x9B, 0x0A]),
        Payload("NUL bytes", bytes: Array("{\"a\":\"x".utf8) + [0] + Array("y\"}\n".utf8) + [0, 0x0A] + Array("{\"b\":1}".utf8) + [0]),
        Payload("duplicate escaped keys", #"{"\u001b":1,"\u001b":2,"EventType":"DeleteMediaComplete"}"#),
        // Found by the pipeline fuzzer: a "found ..." message printed an unassigned scalar raw.
        Payload("unassigned scalar after a value", bytes: Array("656789".utf8) + [0xCE, 0x82] + Array("\n".utf8)),
        Payload("control in a number and a literal", bytes: Array("{\"a\":1".utf8) + [0x07] + Array("}\n{\"b\":t".utf8) + [0x08] + Array("ue}\n".utf8)),
    ]

    /// Scalars a terminal acts on or a reader cannot see: C0 controls but the
    /// line feed, DEL, C1 controls, format characters (bidi controls, zero
    /// widths), separators other than the space, private-use and unassigned.
    static func unsafeScalars(in data: Data) -> [String] {
        guard let text = String(data: data, encoding: .utf8) else { return ["invalid UTF-8"] }
        return text.unicodeScalars.filter { scalar in
            if scalar == "\n" || scalar == " " { return false }
            switch scalar.properties.generalCategory {
            case .control, .format, .privateUse, .unassigned, .surrogate, .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }.map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    /// Removes the tool's own SGR sequences; any other ESC stays and fails the check.
    static func withoutStyling(_ data: Data) -> Data {
        let text = String(decoding: data, as: UTF8.self)
        let stripped = text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        return Data(stripped.utf8)
    }

    static let textCommands: [[String]] = [
        ["check", "--color", "never"], ["check", "--format", "github"], ["check", "--strict"],
        ["summary", "--color", "never"], ["summary", "--rows", "--color", "never"], ["summary", "--format", "json"], ["check", "--format", "json"],
        ["check", "--input", "body"],
    ]

    @Test(arguments: payloads)
    func textJSONAndGitHubOutputIsSafe(_ payload: Payload) throws {
        for command in Self.textCommands {
            let result = try InProcess.runLikeBinary(command, stdin: Data(payload.bytes))
            #expect([0, 1].contains(result.status), "\(command)")
            #expect(Self.unsafeScalars(in: result.stdout).isEmpty, "\(command) stdout: \(Self.unsafeScalars(in: result.stdout))")
            // Only the count, which machine formats print on stderr too, and safe.
            let errors = String(decoding: result.stderr, as: UTF8.self)
            #expect(errors.isEmpty || (errors.hasPrefix("checked ") && errors.filter { $0 == "\n" }.count == 1), "\(command): \(errors)")
            #expect(Self.unsafeScalars(in: result.stderr).isEmpty, "\(command) stderr")
        }
        let colored = try InProcess.runLikeBinary(["check", "--color", "always"], stdin: Data(payload.bytes))
        #expect(Self.unsafeScalars(in: Self.withoutStyling(colored.stdout)).isEmpty)
    }

    @Test(arguments: payloads)
    func normalizeRefusalsAreSafeAndItsOutputIsJSON(_ payload: Payload) throws {
        for variant in [[], ["--pretty"], ["--canonical"]] {
            let result = try InProcess.runLikeBinary(["normalize"] + variant, stdin: Data(payload.bytes))
            #expect([0, 1].contains(result.status))
            #expect(Self.unsafeScalars(in: result.stderr).isEmpty, "\(variant) stderr: \(Self.unsafeScalars(in: result.stderr))")
            // JSON output: C0 controls are always escaped, as JSON requires.
            #expect(!result.stdout.contains { $0 < 0x20 && $0 != 0x0A })
            if variant != ["--pretty"] {
                for line in result.stdout.split(separator: 0x0A) {
                    #expect((try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])) != nil)
                }
            }
        }
    }

    @Test(arguments: payloads)
    func jsonRecordsParse(_ payload: Payload) throws {
        let result = try InProcess.runLikeBinary(["check", "--format", "json"], stdin: Data(payload.bytes))
        for line in result.stdout.split(separator: 0x0A) {
            let record = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
            #expect(record?["diagnostics"] != nil)
        }
    }

    /// One workflow command per finding, with exactly the four properties:
    /// nothing in a payload can end a property or start a command.
    @Test(arguments: payloads)
    func githubAnnotationsCannotBeInjected(_ payload: Payload) throws {
        let json = try InProcess.runLikeBinary(["check", "--format", "json"], stdin: Data(payload.bytes))
        let findings = json.stdout.split(separator: 0x0A).reduce(0) { count, line in
            let record = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any]
            return count + ((record?["diagnostics"] as? [Any])?.count ?? 0)
        }
        let result = try InProcess.runLikeBinary(["check", "--format", "github"], stdin: Data(payload.bytes))
        let lines = String(decoding: result.stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == findings)
        #expect(!result.stdout.contains(0x0D))
        for line in lines { Self.expectAnnotation(String(line)) }
    }

    static func expectAnnotation(_ line: String) {
        let command = ["::error ", "::warning ", "::notice "].first { line.hasPrefix($0) }
        #expect(command != nil, "\(line)")
        guard let command, let separator = line.dropFirst(command.count).firstRange(of: "::") else {
            Issue.record("no message in \(line)")
            return
        }
        let properties = line.dropFirst(command.count)[..<separator.lowerBound].split(separator: ",", omittingEmptySubsequences: false)
        #expect(properties.map { String($0.prefix { $0 != "=" }) } == ["file", "line", "col", "title"], "\(line)")
        #expect(properties.allSatisfy { !$0.contains(":") }, "\(line)")
    }

    /// A file name is payload too: it is printed in every format.
    @Test func hostileFileNamesAreEscaped() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vodhook-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "evil\u{1B}[2J,title=x::error::y%0A\u{9B}\u{202E}.json"
        try Data(#"{"EventType":"Nope"}"#.utf8).write(to: directory.appendingPathComponent(name))
        for command in Self.textCommands.map({ $0.filter { $0 != "--input" && $0 != "body" } }) + [["normalize"], ["normalize", "--canonical"]] {
            let result = try InProcess.runLikeBinary(command + [directory.path], stdin: nil)
            #expect(Self.unsafeScalars(in: result.stdout).isEmpty || command.first == "normalize", "\(command)")
            #expect(Self.unsafeScalars(in: result.stderr).isEmpty, "\(command)")
            if command.contains("github") {
                for line in String(decoding: result.stdout, as: UTF8.self).split(separator: "\n") { Self.expectAnnotation(String(line)) }
            }
        }
        // A missing path is named in the error, escaped too.
        let missing = try InProcess.runLikeBinary(["check", directory.appendingPathComponent("no\u{1B}[2J.json").path], stdin: nil)
        #expect(missing.status == 2)
        #expect(Self.unsafeScalars(in: missing.stderr).isEmpty)
        #expect(String(decoding: missing.stderr, as: UTF8.self).contains("\\u001b[2J"))
    }
}
