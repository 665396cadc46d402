extension RuleCatalog {
    /// Rules about `--at POINTER`, where the callback sits inside each document.
    static let envelopeRules: [RuleDescription] = [
        RuleDescription(
            id: .atPointerMissing, severity: .error,
            summary: "--at POINTER finds no callback in a document: nothing there, or not an object or a string holding one",
            explanation: """
                With --at POINTER (RFC 6901, '~1' for '/' and '~0' for '~' in a key) the callback sits inside each \
                document: a structured JSON log line such as {"level":"info","body":{...}}, a log-service export, \
                an envelope of one's own. What the pointer finds must be an object (the callback), or a string \
                holding the callback's JSON text (its escapes are decoded and the text is read; findings in it \
                point at the escaped text in the file). A document where the pointer leads nowhere, or to a \
                number, an array or a string that is not JSON text, gets this one finding instead of a check \
                against the wrong value. The examples are read with --at /body.
                """,
            failingExample: #"{"level":"info","msg":"vod callback","payload":\#(valid)}"#,
            passingExample: #"{"level":"info","msg":"vod callback","body":\#(valid)}"#,
            exampleFormat: .envelope),
    ]
}
