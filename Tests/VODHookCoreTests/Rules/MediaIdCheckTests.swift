import Testing
@testable import VODHookCore

/// MediaId is free text to the spec; real IDs are 32 lowercase hex
/// characters, so anything else earns a note that says what is unusual.
@Suite struct MediaIdCheckTests {
    static func problem(_ id: String) -> String? {
        Array(id.utf8).withUnsafeBytes { MediaIdCheck.problem(in: $0) }
    }

    @Test(arguments: [
        "10f6baa29bdf71f1bfc46733a78e0102",
        "00000000000000000000000000000000",
        "abcdefabcdefabcdefabcdefabcdefab",
    ])
    func acceptsLowercaseHexOf32(_ id: String) {
        #expect(Self.problem(id) == nil)
    }

    @Test(arguments: [
        // The docs' own examples, masked with "****" and holding non-hex letters.
        ("1234343b689jsi3ka5422dfe1e47****", #"it looks masked ("****"), like the examples in the docs"#),
        ("10f6baa29bdf71f1bfc46733a78e****", #"it looks masked ("****")"#),
        ("****", #"it looks masked ("****")"#),
        ("10f6baa29bdf71f1bfc46733a78e010*", #"it looks masked ("*")"#),
        // Length, counted in characters, not bytes.
        ("10f6baa29bdf71f1bfc46733a78e010", "it has 31 characters"),
        ("10f6baa29bdf71f1bfc46733a78e01023", "it has 33 characters"),
        ("abc", "it has 3 characters"),
        // Characters other than hex, listed once each.
        ("10f6baa29bdf71f1bfc46733a78e010g", #"it holds characters other than 0-9 and a-f ("g")"#),
        ("10f6baa2-9bdf-71f1-bfc4-6733a78e0102", #"it has 36 characters and holds characters other than 0-9 and a-f ("-")"#),
        ("视频视频视频视频视频视频视频视频视频视频视频视频视频视频视频视频", #"holds characters other than 0-9 and a-f ("视频")"#),
        ("10F6BAA29BDF71F1BFC46733A78E0102", "it uses uppercase hex"),
        (" 10f6baa29bdf71f1bfc46733a78e0102", "it has whitespace around it"),
        ("10f6baa29bdf71f1bfc46733a78e0102\n", "it has whitespace around it"),
        (" 10F6baa29bdf71f1bfc46733a78e010 ", "it has whitespace around it, has 31 characters and uses uppercase hex"),
        ("   ", "it holds only whitespace"),
        ("10f6baa29bdf71f1\u{1B}fc46733a78e0102", #"("\u001b")"#),
    ])
    func saysWhatIsUnusual(_ id: String, _ expected: String) throws {
        let problem = try #require(Self.problem(id))
        #expect(problem.contains(expected), "\(problem)")
        #expect(problem.hasPrefix("it "))
    }

    @Test func theExactSentenceForTheDocsExample() {
        #expect(Self.problem("1234343b689jsi3ka5422dfe1e47****") == #"it looks masked ("****"), like the examples in the docs"#)
    }
}
