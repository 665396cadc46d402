import Testing
import ArgumentParsing

@Suite struct ReferenceRenderingTests {
    @Test func helpTextSplitsIntoParagraphsAndKeptLines() {
        let blocks = referenceBlocks(fromText: """
            First line
            continues here.

            EXIT STATUS:
              0  fine
                 still fine
            after the table
            """)
        #expect(blocks == [
            .paragraph("First line continues here."),
            .paragraph("EXIT STATUS:"),
            .preformatted("0  fine\n   still fine"),
            .paragraph("after the table"),
        ])
    }

    @Test func aCommandBecomesHeadingAbstractUsageAndOptions() {
        let spec = CommandSpec(name: "check", abstract: "Check it.", usage: ["[PATH ...]"], options: [
            OptionSpec("format", short: "f", kind: .value(placeholder: "format"), help: "how", allowedValues: ["text", "json"]),
            OptionSpec("quiet", help: "say\nnothing"),
        ], positionals: "[PATH ...]")
        #expect(spec.referenceBlocks(programName: "tool", level: 2) == [
            .heading("check", level: 2),
            .paragraph("Check it."),
            .preformatted("tool check [PATH ...]"),
            .definition(term: "-f, --format", argument: "format", text: "how (text|json)"),
            .definition(term: "--quiet", argument: nil, text: "say nothing"),
        ])
    }

    @Test func manPageEscapesWhatRoffWouldReadAsMarkup() {
        let page = ManPage(name: "tool", section: "1", source: "tool 1.0", manual: "User Commands", blocks: [
            .heading("Name", level: 1),
            .paragraph("tool - a back\\slash, \"quotes\" and é"),
            .preformatted(".dot\n'quote\n\nend"),
            .definition(term: "--flag", argument: "x", text: "control \u{1B} char"),
        ])
        let lines = page.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == ".TH \"TOOL\" \"1\" \"\" \"tool 1.0\" \"User Commands\"")
        #expect(lines.contains(".SH \"NAME\""))
        #expect(lines.contains("tool \\- a back\\eslash, \"quotes\" and \\[u00E9]"))
        #expect(lines.contains("\\&.dot"))
        #expect(lines.contains("\\&'quote"))
        #expect(lines.contains("\\fB\\-\\-flag\\fR \\fIx\\fR"))
        #expect(lines.contains("control \\[uFFFD] char"))
        #expect(page.text.hasSuffix("\n"))
    }

    @Test func markdownShowsGlobsPlaceholdersAndFencesAsWritten() {
        let page = MarkdownPage(title: "Tool", blocks: [
            .paragraph("every *.json, <format>, NO_COLOR and _emphasis_"),
            .preformatted("has ``` inside"),
            .definition(term: "--a", argument: "v", text: "first"),
            .definition(term: "--b", argument: nil, text: ""),
            .heading("Rules", level: 1),
        ])
        #expect(page.text == """
            # Tool

            every \\*.json, \\<format\\>, NO_COLOR and \\_emphasis\\_

            ````text
            has ``` inside
            ````

            - `--a <v>`: first
            - `--b`

            ## Rules

            """)
    }
}
