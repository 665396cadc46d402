import Foundation

/// node as an independent reference for the writer: JCS computed the way
/// RFC 8785's JavaScript sketch does it (sorted `Object.keys`, which compare
/// by UTF-16 code unit, and `JSON.stringify` for the rest), and the compact
/// and pretty forms `JSON.stringify` prints.
enum WriterNodeReference {
    struct Outputs {
        var canonical: String
        var compact: String
        var pretty: String
    }

    /// Documents go through a file, separated by RS, a byte JSON text never
    /// holds raw; the answers come back the same way.
    static func outputs(for documents: [String]) throws -> [Outputs] {
        guard let executable = NodeReference.executable else { throw NodeReference.NodeUnavailable() }
        let inputFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("vodhook-writer-\(UUID().uuidString).txt")
        try documents.joined(separator: "\u{1E}").write(to: inputFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: inputFile) }

        let script = #"""
            const docs = require('fs').readFileSync(process.argv[1], 'utf8').split('\x1e');
            const canon = v => {
              if (v === null || typeof v !== 'object') return JSON.stringify(v);
              if (Array.isArray(v)) return '[' + v.map(canon).join(',') + ']';
              return '{' + Object.keys(v).sort().map(k => JSON.stringify(k) + ':' + canon(v[k])).join(',') + '}';
            };
            const out = docs.map(d => { const v = JSON.parse(d); return [canon(v), JSON.stringify(v), JSON.stringify(v, null, 2)].join('\x1e'); });
            process.stdout.write(out.join('\x1e'));
            """#
        let run = try ReferenceTool.run(executable, ["-e", script, inputFile.path])
        guard run.status == 0 else { throw NodeReference.NodeFailed(status: run.status) }
        let data = run.stdout
        let fields = String(decoding: data, as: UTF8.self).split(separator: "\u{1E}", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 3 * documents.count else { throw NodeReference.NodeFailed(status: -1) }
        return stride(from: 0, to: fields.count, by: 3).map { Outputs(canonical: fields[$0], compact: fields[$0 + 1], pretty: fields[$0 + 2]) }
    }
}
