import Foundation

/// Node's own JSON.parse + String() as the ECMAScript reference: the exact
/// behaviour RFC 8785 specifies, computed by a real engine.
enum NodeReference {
    /// The node executable on PATH, or nil so the comparison can be skipped.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("node")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    static let isAvailable = executable != nil

    /// The canonical form node gives each literal; "null" marks a non-finite
    /// value. Input goes through a file because pipes both ways could fill
    /// and deadlock.
    static func canonicalForms(of literals: [String]) throws -> [String] {
        guard let executable else { throw NodeUnavailable() }
        let inputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("vodhook-jcs-\(UUID().uuidString).txt")
        try literals.joined(separator: "\n").write(to: inputFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: inputFile) }

        let script = """
            const lines = require('fs').readFileSync(process.argv[1], 'utf8').split('\\n');
            const out = lines.map(l => { const v = JSON.parse(l); return Number.isFinite(v) ? String(v) : 'null'; });
            process.stdout.write(out.join('\\n'));
            """
        let run = try ReferenceTool.run(executable, ["-e", script, inputFile.path])
        guard run.status == 0 else { throw NodeFailed(status: run.status) }
        let data = run.stdout
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    struct NodeUnavailable: Error {}
    struct NodeFailed: Error { var status: Int32 }
}
