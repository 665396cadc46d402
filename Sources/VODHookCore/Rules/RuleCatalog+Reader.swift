extension RuleCatalog {
    static let readerRules: [RuleDescription] = [
        RuleDescription(
            id: .jsonSyntax, severity: .error,
            summary: "the text is not valid JSON (RFC 8259)",
            explanation: """
                The reader follows RFC 8259 strictly: no trailing commas, comments, single quotes, NaN or Infinity, \
                leading zeros or '+', bare '.5' or '1.', raw control characters in strings, or unknown escapes. \
                Receivers built on strict parsers reject such bodies, so the tool reports the exact offending byte. \
                In a stream, reading resumes at the next line that can start a document.
                """,
            failingExample: #"{"EventType":"DeleteMediaComplete","Status":"success",}"#,
            passingExample: valid),
        RuleDescription(
            id: .jsonEncoding, severity: .error,
            summary: "the text is not valid UTF-8, or a \\u escape leaves a lone surrogate",
            explanation: """
                JSON text exchanged between systems must be UTF-8 (RFC 8259 §8.1). Overlong forms, encoded \
                surrogates, truncated sequences, bytes F5-FF and lone surrogate escapes such as "\\ud800" \
                cannot be decoded the same way by every receiver.
                """,
            failingExample: example([("10f6baa29bdf71f1bfc46733a78e0102", #"\ud800"#)]),
            passingExample: example([("10f6baa29bdf71f1bfc46733a78e0102", #"\ud83d\ude00"#)])),
        RuleDescription(
            id: .jsonDepth, severity: .error,
            summary: "values are nested deeper than \(JSONParser.maxDepth) levels",
            explanation: """
                Nesting deeper than \(JSONParser.maxDepth) levels is reported instead of parsed, so hostile input \
                cannot exhaust the stack. No real callback comes close.
                """,
            failingExample: String(repeating: "[", count: JSONParser.maxDepth + 1) + String(repeating: "]", count: JSONParser.maxDepth + 1),
            passingExample: valid),
        RuleDescription(
            id: .jsonSize, severity: .error,
            summary: "a document is larger than \(DocumentReader.maxDocumentBytes >> 20) MiB or holds more than \(JSONParser.maxValues) values",
            explanation: """
                A document that goes on past \(DocumentReader.maxDocumentBytes >> 20) MiB, or holds more than \
                \(JSONParser.maxValues) values and keys, is reported instead of read, and in a stream reading \
                resumes at the next line that can start a document. The limits bound the memory one document can \
                take (an unterminated string would otherwise swallow all the input); no real callback comes close.
                """,
            failingExample: "[" + String(repeating: "0,", count: JSONParser.maxValues - 1) + "0]",
            passingExample: valid),
        RuleDescription(
            id: .jsonDuplicateKey, severity: .error,
            summary: "an object has the same key twice",
            explanation: """
                RFC 8259 says keys should be unique, and receivers disagree about which value wins, so a body \
                with a repeated key means different things to different programs. Keys are compared after \
                unescaping: "a" and "\\u0061" are the same key. The finding is at the second occurrence and \
                names the line of the first.
                """,
            failingExample: example([(#""Status":"success""#, #""Status":"success","Status":"fail""#)]),
            passingExample: valid),
        RuleDescription(
            id: .jsonBOM, severity: .warning,
            summary: "the source starts with a UTF-8 byte-order mark",
            explanation: """
                RFC 8259 forbids a byte-order mark in JSON text but lets parsers ignore one. The tool ignores it \
                and warns, because stricter receivers will not.
                """,
            failingExample: "\u{FEFF}" + valid,
            passingExample: valid),
        RuleDescription(
            id: .noDocument, severity: .error,
            summary: "a source holds no JSON text at all",
            explanation: """
                An empty or whitespace-only source is usually a capture that failed or a body that was lost. \
                It is reported once, as document 1, so it cannot pass a CI gate unnoticed.
                """,
            failingExample: "",
            passingExample: valid),
    ]
}
