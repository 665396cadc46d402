extension RuleCatalog {
    /// Rules about a source as a whole: one finding instead of a flood of
    /// syntax errors, or a record where nothing could be read.
    static let sourceRules: [RuleDescription] = [
        RuleDescription(
            id: .sourceEncoding, severity: .error,
            summary: "the source is UTF-16 or UTF-32 text, compressed, or binary, not UTF-8 JSON",
            explanation: """
                A payload saved by a Windows tool (UTF-16 with a byte-order mark), a log kept as .zst, .bz2, .xz or \
                .zip, or a program picked up by a wildcard would otherwise be read byte by byte and give \
                hundreds of syntax errors. The first bytes are checked for a UTF-16 or UTF-32 byte-order mark \
                or NUL pattern (RFC 4627 §3), the gzip, zstd, zip, bzip2 and xz signatures, ELF and Mach-O \
                headers, and NUL bytes in the first 8000 bytes of a source that does not start like JSON, a capture \
                or Base64 (much as git decides a file is binary; a stray NUL in a log stays one syntax error). The source \
                gets one finding that says what it is and how to convert it, such as \
                'iconv -f UTF-16 -t UTF-8' or 'zstd -dc'. gzip is not among them: the commands read gzip \
                input themselves (see compressed-input-damaged); this finding names gzip only where a \
                reader without a decoder (the library's DocumentReader on its own) meets one.
                """,
            failingExample: utf16LittleEndian(valid),
            passingExample: valid),
        RuleDescription(
            id: .compressedInputDamaged, severity: .error,
            summary: "a gzip source is truncated or corrupt: what came before the damage was checked",
            explanation: """
                A gzip source (recognized by its first two bytes, 1f 8b, whatever its name, also on standard \
                input) is decompressed as it is read, every member of a multi-member file in turn (`cat \
                a.gz b.gz`). When the compressed stream ends inside a member (a copy cut short, a rotation \
                still being written) or zlib finds it corrupt (a wrong check value, an invalid code, data \
                after the last member that is not another member), the documents decompressed before that \
                point are reported as usual, then this one finding, placed at the end of the decompressed \
                text, names the compressed byte offset where decoding stopped. A document cut in half by the \
                damage also gets its own syntax finding. The run exits 1: a damaged log is a finding about \
                the input, like a syntax error, not trouble reading the path. 'gzip -t FILE' confirms the \
                damage; 'gzip -dc FILE' shows the text that could be read.
                """,
            failingExample: "Examples/rules/compressed-input-damaged.ndjson.gz",
            passingExample: "Examples/rules/compressed-input-intact.ndjson.gz",
            exampleFormat: .path),
        RuleDescription(
            id: .unreadableSource, severity: .error,
            summary: "a path could not be read, or a directory holds no callback file",
            explanation: """
                A path that does not exist, cannot be opened, or fails while being read, and a directory \
                without a single *.json, *.ndjson, *.jsonl, *.http or *.b64 file below it, is reported as a \
                record in every output format (a JSON record, a GitHub annotation, a SARIF result, a JUnit \
                error), so CI annotates it instead of passing quietly. The run still exits with status 2 and \
                the other paths are still checked.
                """,
            failingExample: "Examples/no-such-file.json",
            passingExample: "Examples/docs-success.json",
            exampleFormat: .path),
    ]

    /// `text` as UTF-16LE code units in a String: ASCII text gains a NUL after
    /// every character, the pattern a UTF-16LE file without a BOM has.
    static func utf16LittleEndian(_ text: String) -> String {
        var out = ""
        for unit in text.utf16 {
            out.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: unit)))
            out.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: unit >> 8)))
        }
        return out
    }
}
