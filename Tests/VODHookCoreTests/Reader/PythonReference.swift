import Foundation

/// Python's `json` module as a second opinion on what is valid JSON and what
/// it means. Python is lenient where RFC 8259 is not, so the script makes it
/// strict: UTF-8 is decoded strictly, NaN and Infinity are refused, and a
/// decoded string holding a lone surrogate counts as invalid.
enum PythonReference {
    /// The python3 on PATH when it runs and has `json`; otherwise why not.
    static let interpreter: Result<URL, Unavailable> = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("python3")
            guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
            // A pyenv shim can exist without a Python behind it.
            guard (try? run(candidate, arguments: ["-c", "import json"], input: nil)) != nil else {
                return .failure(Unavailable(reason: "\(candidate.path) does not run 'import json'"))
            }
            return .success(candidate)
        }
        return .failure(Unavailable(reason: "python3 is not on PATH"))
    }()

    struct Unavailable: Error { var reason: String }
    struct Failed: Error { var status: Int32 }

    /// Per text: nil when Python (made strict) rejects it, else its value in
    /// `CanonicalValue` form and whether an object repeats a key.
    static func verdicts(on texts: [[UInt8]]) throws -> [(canonical: String, repeatsKey: Bool)?] {
        let python = try interpreter.get()
        let input = texts.map { $0.map { String(format: "%02x", $0) }.joined() }.joined(separator: "\n")
        let output = try run(python, arguments: ["-c", script], input: Data(input.utf8))
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        return lines.map { line in
            guard line.first == "V", let space = line.firstIndex(of: " ") else { return nil }
            return (String(line[line.index(after: space)...]), line[..<space] == "VD")
        }
    }

    static func run(_ executable: URL, arguments: [String], input: Data?) throws -> Data {
        let run = try ReferenceTool.run(executable, arguments, input: input)
        guard run.status == 0 else { throw Failed(status: run.status) }
        return run.stdout
    }

    /// One hex-encoded text per input line; per output line "V" or "VD"
    /// (valid; D when a key repeats), a space and the canonical value, or "I".
    static let script = #"""
    import json, sys

    class Invalid(Exception): pass
    class Pairs(list): pass

    def refuse(name): raise Invalid(name)
    def number(text): return ('number', text)

    def string(s):
        out = ['"']
        for ch in s:
            o = ord(ch)
            if 0xD800 <= o <= 0xDFFF: raise Invalid('lone surrogate')
            if ch == '"': out.append('\\"')
            elif ch == '\\': out.append('\\\\')
            elif 0x20 <= o <= 0x7E: out.append(ch)
            elif o > 0xFFFF:
                v = o - 0x10000
                out.append('\\u%04x\\u%04x' % (0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF)))
            else: out.append('\\u%04x' % o)
        out.append('"')
        return ''.join(out)

    def canonical(v, repeats):
        if isinstance(v, tuple): return v[1]
        if isinstance(v, Pairs):
            keys = [k for k, _ in v]
            if len(set(keys)) != len(keys): repeats[0] = True
            return '{' + ','.join(string(k) + ':' + canonical(x, repeats) for k, x in v) + '}'
        if isinstance(v, list): return '[' + ','.join(canonical(x, repeats) for x in v) + ']'
        if isinstance(v, str): return string(v)
        if v is True: return 'true'
        if v is False: return 'false'
        if v is None: return 'null'
        raise Invalid(repr(v))

    for line in sys.stdin.read().split('\n'):
        try:
            text = bytes.fromhex(line).decode('utf-8')
            # RFC 8259 lets a parser ignore a leading BOM; the reader warns and goes on.
            if text.startswith('\ufeff'): text = text[1:]
            value = json.loads(text, parse_constant=refuse, parse_int=number, parse_float=number, object_pairs_hook=Pairs)
            repeats = [False]
            result = canonical(value, repeats)
            print(('VD ' if repeats[0] else 'V ') + result)
        except (ValueError, Invalid, RecursionError):
            print('I')
    """#
}
